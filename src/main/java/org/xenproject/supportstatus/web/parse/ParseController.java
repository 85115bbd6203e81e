package org.xenproject.supportstatus.web.parse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.supportmd.SupportMdReader;
import org.xenproject.supportstatus.supportmd.SupportMdRejected;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.answer.Answers;
import org.xenproject.supportstatus.web.answer.Prepared;

/** Lets people editing SUPPORT.md see what the service will make of their change. Stores nothing. */
@RestController
@Tag(name = "Parse")
class ParseController {

    private final SupportMdReader reader;
    private final ParseGate gate;
    private final Answers answers;

    ParseController(SupportMdReader reader, ParseGate gate, Answers answers) {
        this.reader = reader;
        this.gate = gate;
        this.answers = answers;
    }

    @Operation(
            summary = "Read a SUPPORT.md as the importer would, without storing it",
            description =
                    "For people editing SUPPORT.md: what the service will make of their change, warnings included. Nothing is stored.",
            requestBody =
                    @RequestBody(
                            required = true,
                            description = "The file, UTF-8, at most the import size limit",
                            content = {
                                @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
                                @Content(mediaType = "text/plain", schema = @Schema(type = "string"))
                            }))
    @ApiResponse(responseCode = "200", description = "What the service reads in it, warnings included")
    @ApiResponse(
            responseCode = "400",
            description = "Empty, binary or not UTF-8",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than the size limit",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "415",
            description = "Not text/markdown or text/plain",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "429",
            description = "This client address asked for too many parses; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "503",
            description = "Every place for a parse is taken; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(
            path = "/api/v1/parse",
            consumes = {"text/markdown", "text/plain"},
            produces = "application/json")
    Answer<ParseResult> parse(HttpServletRequest request) throws IOException, SupportMdRejected {
        // The client's allowance was charged before this (ParseAllowanceFilter).
        int limit = reader.maxBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        // Read one byte past the limit so a body without Content-Length is still cut off early.
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        // Read before taking a place: a client sending slowly holds no place meanwhile. Writing the
        // answer (JSON, gzip) is part of the parse's bounded work; sending it is not.
        Prepared answer = gate.run(() -> answers.prepare(Answer.JSON, ParseResult.of(reader.read(body))));
        return Answer.once(answer);
    }

    private static SupportMdRejected tooLarge(int limit) {
        return new SupportMdRejected(
                SupportMdRejected.Reason.TOO_LARGE, "The body is larger than the limit of " + limit + " bytes");
    }
}

package org.xenproject.supportstatus.web;

import java.io.IOException;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes a {@link Prepared} answer as it is: one write of bytes made before. */
class PreparedConverter extends AbstractHttpMessageConverter<Prepared<?>> {

    PreparedConverter() {
        super(MediaType.ALL);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Prepared.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected Prepared<?> readInternal(Class<? extends Prepared<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Prepared answers are written, never read", input);
    }

    @Override
    protected Long getContentLength(Prepared<?> prepared, MediaType contentType) {
        return (long) prepared.bytes().length;
    }

    @Override
    protected void writeInternal(Prepared<?> prepared, HttpOutputMessage output) throws IOException {
        output.getBody().write(prepared.bytes());
    }
}

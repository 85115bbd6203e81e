package org.xenproject.supportstatus.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.xenproject.supportstatus.imports.SupportMdConfiguration;
import org.xenproject.supportstatus.web.answer.AnswerConfiguration;
import org.xenproject.supportstatus.web.answer.Answers;
import org.xenproject.supportstatus.web.problem.ApiProblems;
import org.xenproject.supportstatus.web.problem.ProblemWriter;

/** For {@code @WebMvcTest} slices: the service's shared web pieces (errors, answers, the reader) without a database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ApiProblems.class, SupportMdConfiguration.class, Answers.class, AnswerConfiguration.class, ProblemWriter.class
})
public @interface WebLayerTest {}

package org.xenproject.supportstatus.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.xenproject.supportstatus.imports.SupportMdConfiguration;
import org.xenproject.supportstatus.web.problem.ApiProblems;

/** For {@code @WebMvcTest} slices: the service's shared web pieces (errors, the reader) without a database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ApiProblems.class, SupportMdConfiguration.class})
public @interface WebLayerTest {}

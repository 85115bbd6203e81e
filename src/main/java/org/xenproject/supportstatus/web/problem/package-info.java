/**
 * What a failure is, as an RFC 9457 problem ({@code application/problem+json}): one shape and one
 * writer, for the answers Spring MVC gives and for the refusals made before it.
 */
package org.xenproject.supportstatus.web.problem;

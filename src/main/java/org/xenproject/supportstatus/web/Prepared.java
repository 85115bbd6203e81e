package org.xenproject.supportstatus.web;

/**
 * The bytes of an answer prepared once, as they leave. {@code T} is what they are made from, so
 * that the API's description names it.
 */
public record Prepared<T>(byte[] bytes) {
}

/**
 * The server around the answers: Spring Security (the admin token, the firewall), the headers every
 * answer carries, CORS, Tomcat's own errors and sockets, the API's description, and the per-request
 * tuning (docs/architecture.md, "Per-request tuning").
 */
package org.xenproject.supportstatus.web.server;

/**
 * How query parameters and path variables become the service's own types, strictly, by Spring's
 * conversion: a controller only ever sees a valid value, and a bad one is a 400 naming it.
 */
package org.xenproject.supportstatus.web.param;

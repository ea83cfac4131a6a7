/** The HTTP layer: the router built from openapi.yaml, errors, input checks, health, metrics and connection guards. */
package vn.loa.server.http;

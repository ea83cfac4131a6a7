/** Programme automation: session templates, their run orders filled each day, and the sessions they air (ADR 0053). */
package vn.loa.server.programme;

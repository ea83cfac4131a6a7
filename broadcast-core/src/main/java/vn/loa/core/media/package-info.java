/** The media pipeline: sources, stages from decode to pacing, and the builder that joins them. */
package vn.loa.core.media;

package vn.loa.core.media;

import vn.loa.wire.pcm.MediaSource;


/**
 * One step of a media pipeline: given the stream before it, the stream after it.
 *
 * <p>A stage is a recipe; {@link #attach} builds the running instance, so one recipe can serve many pipelines.
 */
@FunctionalInterface
public interface Stage<I, O> {

    /** The stream this stage makes of {@code upstream}; closing it must close {@code upstream}. */
    MediaSource<O> attach(MediaSource<I> upstream);
}

package vn.loa.plugin;

/**
 * A plugin part that answers HTTP requests under {@code /api/v1/plugins/{name}/}; Loa has already signed the caller
 * in and the plugin decides what each role may do. Answers must come within Loa's time limit (a few seconds).
 */
public interface PluginRoutes {

    PluginResponse handle(PluginRequest request) throws Exception;
}

package vn.loa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerPathsTest {

    private final ServerPaths paths = new ServerPaths(Path.of("/srv/loa/data"));

    @Test
    void theDataFolderIsNamedNotShown() {
        assertThat(paths.hide("plugin ở /srv/loa/data/plugins/notify.jar lỗi"))
                .isEqualTo("plugin ở <dữ liệu>/plugins/notify.jar lỗi");
        assertThat(paths.hide("(/srv/loa/data)")).isEqualTo("(<dữ liệu>)");
        assertThat(paths.hide("java.io.FileNotFoundException: /srv/loa/data/prefetch/7.wav (No such file)"))
                .isEqualTo("java.io.FileNotFoundException: <dữ liệu>/prefetch/7.wav (No such file)");
    }

    @Test
    void unitPathsUrlsAndLookalikeFoldersStay() {
        assertThat(paths.hide("vai trò admin @ /root/xa-a/")).isEqualTo("vai trò admin @ /root/xa-a/");
        assertThat(paths.hide("http://may-chu/srv/loa/data/x.mp3")).isEqualTo("http://may-chu/srv/loa/data/x.mp3");
        assertThat(paths.hide("/srv/loa/data2/x")).isEqualTo("/srv/loa/data2/x");
        assertThat(paths.hide(null)).isNull();
    }
}

package vn.loa.bench.fanout;

import java.nio.file.Path;

/** The icecast2 configuration of one benchmark run: loopback only, enough clients, logs in the run's directory. */
final class IcecastConfig {

    private IcecastConfig() {
    }

    static String xml(int port, int clients, String password, Path logs) {
        return """
                <icecast>
                  <location>loa-bench</location>
                  <admin>bench@localhost</admin>
                  <limits>
                    <clients>%d</clients>
                    <sources>2</sources>
                    <queue-size>524288</queue-size>
                    <client-timeout>30</client-timeout>
                    <header-timeout>15</header-timeout>
                    <source-timeout>10</source-timeout>
                    <burst-on-connect>1</burst-on-connect>
                    <burst-size>65535</burst-size>
                  </limits>
                  <authentication>
                    <source-password>%s</source-password>
                    <relay-password>%s</relay-password>
                    <admin-user>admin</admin-user>
                    <admin-password>%s</admin-password>
                  </authentication>
                  <hostname>127.0.0.1</hostname>
                  <listen-socket><port>%d</port><bind-address>127.0.0.1</bind-address></listen-socket>
                  <fileserve>1</fileserve>
                  <paths>
                    <basedir>/usr/share/icecast2</basedir>
                    <logdir>%s</logdir>
                    <webroot>/usr/share/icecast2/web</webroot>
                    <adminroot>/usr/share/icecast2/admin</adminroot>
                  </paths>
                  <logging>
                    <accesslog>access.log</accesslog>
                    <errorlog>error.log</errorlog>
                    <loglevel>2</loglevel>
                  </logging>
                  <security>
                    <chroot>0</chroot>
                    <!-- icecast2 refuses to run as root -->
                    <changeowner><user>nobody</user><group>nogroup</group></changeowner>
                  </security>
                </icecast>
                """.formatted(clients, password, password, password, port, logs);
    }
}

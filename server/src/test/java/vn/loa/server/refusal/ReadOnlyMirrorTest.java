package vn.loa.server.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadOnlyMirrorTest {

    @Test
    void aDownstreamsPathBeforeASlashNamesAMirrorAndAnOwnIdNever() {
        assertThat(ReadOnlyMirror.named("xa-a/thon-1")).isTrue();
        assertThat(ReadOnlyMirror.named("tinh/xa-a/loa-1")).isTrue();
        assertThat(ReadOnlyMirror.named("thon-1")).isFalse();
        assertThat(ReadOnlyMirror.named("/thon-1")).isFalse();
        assertThat(ReadOnlyMirror.named("Xa-A/thon-1")).as("not a downstream's id").isFalse();
        assertThat(ReadOnlyMirror.named(null)).isFalse();
    }

    @Test
    void theRefusalIsForbiddenNamesTheDownstreamAndSaysWhatToDoInVietnamese() {
        Refusal r = ReadOnlyMirror.refusal("tinh/xa-a/thon-1", "zones");

        assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(r.code()).isEqualTo("mirror_read_only");
        assertThat(r.field()).isEqualTo("zones");
        assertThat(r.getMessage()).contains("hệ thống cấp dưới 'tinh'").contains("chỉ để xem")
                .contains("chọn khu vực của hệ thống đó");
        assertThat(r.english()).contains("read-only");
    }
}

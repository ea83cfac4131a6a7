package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/** A recorded programme uploaded from the compose page: a progress bar, then the notice plays it; a bad file is refused. */
class UploadIT extends UiSuite {

    /** A WAV file of a 440 Hz tone: 16-bit mono at 22,050 Hz. */
    static byte[] tone(int seconds) {
        int rate = 22_050;
        int samples = rate * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return wav.array();
    }

    @Test
    void clerkUploadsARecordingWatchingTheProgressBarAndSendsItForApproval() throws Exception {
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/compose");
        page.getByLabel("Tệp ghi âm (MP3, WAV, OGG, M4A)").setInputFiles(
                new FilePayload("ban-tin-sang.wav", "audio/wav", tone(90)));

        assertThat(page.locator("fieldset.recording [role=status]")).containsText("Đã tải lên \"ban-tin-sang.wav\" (1:30).");
        assertThat(page.locator("fieldset.recording progress")).isVisible();
        assertThat(page.locator("fieldset.recording progress")).hasAttribute("value", "100");
        assertThat(page.locator("fieldset.recording .percent")).hasText("100 %");
        Browser.screenshot(page, Screenshots.dir(), "upload");

        page.getByLabel("Tiêu đề").fill("Bản tin sáng");
        page.getByLabel("Thôn Tây").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt").setExact(true)).click();
        assertThat(page.locator(".notice h2 .badge")).hasText("Chờ duyệt");
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        String audioId = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD).get("/api/v1/announcements/" + id)
                .json().getString("audioId");
        assertThat(audioId).startsWith("au-");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nghe").setExact(true)).click();
        assertThat(page.locator(".notice audio.preview")).hasAttribute("data-type", "audio/wav");
        assertThat(page.locator(".notice audio.preview")).hasAttribute("data-bytes", String.valueOf(tone(90).length));
    }

    @Test
    void aCorruptFileIsRefusedBesideTheFileFieldInVietnamese() throws Exception {
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/compose");
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        mp3.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0});
        byte[] noise = new byte[64_000];
        new Random(7).nextBytes(noise);
        mp3.writeBytes(noise);
        page.getByLabel("Tệp ghi âm (MP3, WAV, OGG, M4A)").setInputFiles(
                new FilePayload("hong.mp3", "audio/mpeg", mp3.toByteArray()));

        var error = page.locator("[data-error-for='file']");
        assertThat(error).containsText("Tệp 'hong.mp3'");
        assertThat(error).not().containsText("Exception");
        assertThat(page.getByLabel("Tệp ghi âm (MP3, WAV, OGG, M4A)")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("fieldset.recording [role=status]")).isEmpty();
        Browser.screenshot(page, Screenshots.dir(), "upload-refused");

        page.getByLabel("Tệp ghi âm (MP3, WAV, OGG, M4A)").setInputFiles(
                new FilePayload("khong-phai-am-thanh.mp3", "audio/mpeg", "Xin chào".getBytes(StandardCharsets.UTF_8)));
        assertThat(error).containsText("không phải âm thanh");
    }
}

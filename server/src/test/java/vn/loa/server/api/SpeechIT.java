package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The clerk sees how Loa will read a notice before it airs. */
class SpeechIT extends ApiSuite {

    @Test
    void noticeIsReadWithDatesTimesAndPhoneNumbersSpelledOut() {
        var reply = province.clerkA.post("/api/v1/tts/normalize", new JsonObject()
                .put("text", "<p>Họp lúc 7h30 ngày 28/11/2026.</p> Liên hệ 0912 345 678."));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String normalized = reply.json().getString("normalized");
        assertThat(normalized).contains("bảy giờ ba mươi").contains("hai mươi tám tháng mười một")
                .contains("không chín một hai").doesNotContain("<p>").doesNotContain("7h30");
        assertThat(reply.json().getJsonArray("sentences").size()).isEqualTo(2);
    }

    @Test
    void textOverTheLimitIsRefused() {
        assertRefused(province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "a".repeat(20_001))),
                400, "invalid_request");
        assertRefused(anonymous().post("/api/v1/tts/normalize", new JsonObject().put("text", "Xin chào")),
                401, "unauthorized");
    }

    @Test
    void previewIsAWavOfTheSpokenNoticeInTheChosenVoice() throws Exception {
        var north = province.clerkA.sendBytes("POST", "/api/v1/tts/preview",
                new JsonObject().put("text", "Xin chào bà con thôn Đông.").encode().getBytes(), "application/json");
        var south = province.clerkA.sendBytes("POST", "/api/v1/tts/preview", new JsonObject()
                .put("text", "Xin chào bà con thôn Đông.").put("voice", "vi-vn-x-south").encode().getBytes(), "application/json");

        assertThat(north.status()).isEqualTo(200);
        assertThat(north.headers().firstValue("Content-Type")).hasValue("audio/wav");
        var audio = javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(
                north.bytes()));
        double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
        assertThat(seconds).isBetween(0.8, 6.0);
        assertThat(south.bytes()).isNotEqualTo(north.bytes());
        assertRefused(province.clerkA.post("/api/v1/tts/preview", new JsonObject().put("text", "Xin chào")
                .put("voice", "klingon")), 400, "unknown_voice");
    }

    @Test
    void communeAbbreviationsAreReadInThatCommuneOnly() {
        var set = province.adminA.put("/api/v1/abbreviations", new JsonObject().put("HTXAB", "hợp tác xã An Bình"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().getString("HTXAB")).isEqualTo("hợp tác xã An Bình");

        String inA = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "HTXAB thông báo họp."))
                .json().getString("normalized");
        String inB = province.clerkB.post("/api/v1/tts/normalize", new JsonObject().put("text", "HTXAB thông báo họp."))
                .json().getString("normalized");

        assertThat(inA).containsIgnoringCase("hợp tác xã An Bình");
        assertThat(inB).doesNotContainIgnoringCase("hợp tác xã An Bình");
        assertRefused(province.clerkA.put("/api/v1/abbreviations", new JsonObject().put("X", "y")), 403, "forbidden");
        assertRefused(province.adminA.put("/api/v1/abbreviations", new JsonObject().put("<b>", "thẻ")), 400,
                "invalid_abbreviation");
    }
}

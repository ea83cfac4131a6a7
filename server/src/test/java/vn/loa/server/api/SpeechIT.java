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
    void aPreviewLongerThanThePreviewLimitIsRefusedWith413WhileTheNoticeItselfMayBeThatLong() {
        String text = vn.loa.server.testing.PreviewFlood.text(10_000, 0);

        var refused = province.clerkA.post("/api/v1/tts/preview", new JsonObject().put("text", text));

        assertRefused(refused, 413, "preview_too_long");
        assertThat(refused.json().getString("message")).contains("3000 ký tự");
        assertThat(province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", text)).status())
                .isEqualTo(200);
    }

    @Test
    void communeAbbreviationsAreReadInThatCommuneOnly() {
        var set = province.adminA.put("/api/v1/abbreviations", new JsonObject().put("HTXAB", "hợp tác xã An Bình")
                .put("Đội #", "đội sản xuất số #").put("BCH", "ban chấp hành"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().getString("HTXAB")).isEqualTo("hợp tác xã An Bình");

        String inA = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "HTXAB thông báo họp."))
                .json().getString("normalized");
        String inB = province.clerkB.post("/api/v1/tts/normalize", new JsonObject().put("text", "HTXAB thông báo họp."))
                .json().getString("normalized");

        assertThat(inA).containsIgnoringCase("hợp tác xã An Bình");
        assertThat(inB).doesNotContainIgnoringCase("hợp tác xã An Bình");
        // Applied before the built-in rules (BCH next to quân sự would be "ban chỉ huy"), and shown as overrides.
        var own = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "Đội 3 và BCH quân sự họp."));
        assertThat(own.json().getString("normalized")).isEqualTo("Đội sản xuất số ba và ban chấp hành quân sự họp.");
        assertThat(own.json().getJsonArray("tokens").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("kind").equals("override")).map(t -> t.getString("text")))
                .containsExactly("Đội 3", "BCH");
        assertRefused(province.adminA.put("/api/v1/abbreviations", new JsonObject().put("Đội  #", "x")), 400,
                "invalid_abbreviation");
        assertRefused(province.clerkA.put("/api/v1/abbreviations", new JsonObject().put("X", "y")), 403, "forbidden");
        assertRefused(province.adminA.put("/api/v1/abbreviations", new JsonObject().put("<b>", "thẻ")), 400,
                "invalid_abbreviation");
    }

    @Test
    void eachWrittenTokenIsShownWithWhatItWasReadAsSoAClerkSeesWhy() {
        var reply = province.clerkA.post("/api/v1/tts/normalize", new JsonObject()
                .put("text", "Nghỉ lễ ngày 30-4, phơi khô 4-6 ngày, gọi 0912.345.678."));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var tokens = reply.json().getJsonArray("tokens");
        assertThat(tokens.stream().map(JsonObject.class::cast).map(t -> t.getString("text") + "|" + t.getString("kind")
                + "|" + t.getString("reading")))
                .contains("30-4|date|ba mươi tháng tư", "4-6|range|bốn đến sáu",
                        "0912.345.678|phone|không chín một hai, ba bốn năm, sáu bảy tám", "Nghỉ|word|Nghỉ");
    }

    @Test
    void theVoicesAreListedWithTheirLanguageEngineAndALabelForTheClerk() {
        var reply = province.clerkA.get("/api/v1/tts/voices");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var voices = reply.array();
        assertThat(voices.getJsonObject(0).getString("id")).isEqualTo("vi");
        assertThat(voices.getJsonObject(0).getBoolean("default")).isTrue();
        JsonObject kevin = voice(voices, "kevin16");
        assertThat(kevin.getString("language")).isEqualTo("en");
        assertThat(kevin.getString("engine")).isEqualTo("freetts");
        assertThat(kevin.getString("label")).startsWith("Tiếng Anh");
        assertThat(voice(voices, "en").getString("engine")).isEqualTo("espeak-ng");
        assertThat(voice(voices, "vi-vn-x-south").getString("label")).isEqualTo("Giọng miền Nam");
    }

    @Test
    void anEnglishVoiceReadsTheTextInEnglish() throws Exception {
        String notice = "Boats to Cu Lao Cham leave at 7h30 on 2/9, tickets 150,000 VND.";
        var byVoice = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", notice)
                .put("voice", "kevin16"));
        var byLanguage = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", notice)
                .put("language", "en"));
        var vietnamese = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "Họp lúc 7h30."));

        assertThat(byVoice.status()).as(byVoice.toString()).isEqualTo(200);
        assertThat(byVoice.json().getString("normalized")).isEqualTo("Boats to Cu Lao Cham leave at seven thirty on "
                + "the second of September, tickets one hundred and fifty thousand dong.");
        assertThat(byVoice.json().getString("language")).isEqualTo("en");
        assertThat(byLanguage.json().getString("normalized")).isEqualTo(byVoice.json().getString("normalized"));
        assertThat(vietnamese.json().getString("language")).isEqualTo("vi");
        assertThat(vietnamese.json().getString("normalized")).isEqualTo("Họp lúc bảy giờ ba mươi phút.");

        var kevin = wav(province.clerkA.sendBytes("POST", "/api/v1/tts/preview", new JsonObject().put("text", notice)
                .put("voice", "kevin16").encode().getBytes(), "application/json"));
        var espeak = wav(province.clerkA.sendBytes("POST", "/api/v1/tts/preview", new JsonObject().put("text", notice)
                .put("voice", "en").encode().getBytes(), "application/json"));
        assertThat(kevin.getFormat().getSampleRate()).as("FreeTTS's rate").isEqualTo(16_000f);
        assertThat(espeak.getFormat().getSampleRate()).as("espeak-ng's rate").isEqualTo(22_050f);
        // some twenty English words: a few seconds, not the half minute of reading every digit
        assertThat(kevin.getFrameLength() / 16_000.0).isBetween(3.0, 15.0);
        assertThat(espeak.getFrameLength() / 22_050.0).isBetween(3.0, 15.0);
    }

    @Test
    void anUnknownVoiceOrLanguageIsRefusedAndAnEnglishVoiceIsAcceptedForANotice() {
        var refused = province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "Hello")
                .put("voice", "klingon"));
        assertRefused(refused, 400, "unknown_voice");
        assertThat(refused.json().getString("message")).contains("kevin16").contains("vi-vn-x-south");
        assertRefused(province.clerkA.post("/api/v1/tts/normalize", new JsonObject().put("text", "Hello")
                .put("language", "fr")), 400, "invalid_request");
        assertRefused(province.clerkA.post("/api/v1/announcements", Province.notice("Tourists", "thon-a1")
                .put("voice", "klingon")), 400, "unknown_voice");
        var english = province.clerkA.post("/api/v1/announcements", Province.notice("Boats", "thon-a1")
                .put("text", "Boats leave at 7h30.").put("voice", "kevin16"));
        assertThat(english.status()).as(english.toString()).isEqualTo(201);
    }

    @Test
    void theApiAndLoaSayReadTheSameTextTheSameWay() throws Exception {
        String[] typed = {
            "Ng\u00ADêi d©n cÇn chñ ®éng phßng chèng b·o.",        // TCVN3: its soft hyphen is "ư"
            "Thông báo:\n+ Mang theo CCCD\n- Sổ hộ khẩu\n* Giấy khai sinh", // list markers, not "cộng"
            "Nghỉ lễ từ ngày 30-4 đến 3-5, phơi khô 4-6 ngày, khoảng 1/3 số thôn.",
            "Công văn số 210/UBND-VP; Luật số 08/2017/QH14; QL 6 và ĐT 433; BCH quân sự và BCH Đoàn.",
            "Hỗ trợ 5tr, mỗi khẩu 150k, 2x2 m, 32,5 km2, từ 5h sáng, 200g muối, xe 30G-456.78, dichvucong.gov.vn.",
            "III. Kết quả\nb) Hộ nghèo\nKính mời ông. Bình, vv."};
        for (String text : typed) {
            var reply = province.clerkB.post("/api/v1/tts/normalize", new JsonObject().put("text", text));
            var out = new java.io.ByteArrayOutputStream();
            int status = vn.loa.tts.SayCommand.run(new String[] {text, "--print"}, out, System.err);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(status).isZero();
            assertThat(reply.json().getJsonArray("sentences").getList()).as(text)
                    .isEqualTo(java.util.List.of(out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")));
        }
    }

    @Test
    void aClerksInlineMarksAreHonouredAndThePausesShown() {
        var reply = province.clerkB.post("/api/v1/tts/normalize", new JsonObject()
                .put("text", "I. KHẨN CẤP\n+ Gọi [đánh vần KTX] [nghỉ 2 giây] rồi [HTXĐ = hợp tác xã Đông] báo."));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("sentences").getList())
                .containsExactly("Một, KHẨN CẤP.", "Gọi ca tê ích.", "Rồi hợp tác xã Đông báo.");
        assertThat(reply.json().getJsonArray("pauses").getList()).containsExactly(900, 2000, 650);
    }

    private static JsonObject voice(io.vertx.core.json.JsonArray voices, String id) {
        for (int i = 0; i < voices.size(); i++) {
            if (voices.getJsonObject(i).getString("id").equals(id)) {
                return voices.getJsonObject(i);
            }
        }
        throw new AssertionError("no voice " + id + " in " + voices);
    }

    private static javax.sound.sampled.AudioInputStream wav(vn.loa.server.testing.Api.Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(reply.bytes()));
    }
}

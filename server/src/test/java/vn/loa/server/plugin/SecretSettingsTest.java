package vn.loa.server.plugin;

import vn.loa.server.secret.SecretCipher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

/** Secrets as a plugin's schema marks them: masked in answers, sealed at rest, named (not shown) in the audit. */
class SecretSettingsTest {

    private static final String SCHEMA = """
            {"type":"object","properties":{
              "webhooks":{"type":"array","items":{"type":"object","properties":{
                "url":{"type":"string","writeOnly":true},
                "headers":{"type":"object","additionalProperties":{"type":"string","writeOnly":true}}}}},
              "smtp":{"type":"object","writeOnly":true}}}""";

    private static final SecretCipher CIPHER = new SecretCipher(new byte[32]);

    private static JsonObject settings() {
        return new JsonObject().put("retries", 3)
                .put("webhooks", new JsonArray().add(new JsonObject().put("name", "zalo")
                        .put("url", "https://relay.example/zalo?token=q-secret")
                        .put("headers", new JsonObject().put("X-Goi", "h-secret"))))
                .put("smtp", new JsonObject().put("host", "smtp.xa.gov.vn").put("port", 587))
                .put("access_token", "by-name");
    }

    @Test
    void whatTheSchemaMarksWriteOnlyAndKeysNamingTokensAreMaskedTheRestShown() {
        JsonObject shown = SecretSettings.of(SCHEMA).masked(settings());
        JsonObject hook = shown.getJsonArray("webhooks").getJsonObject(0);
        assertThat(hook.getString("name")).isEqualTo("zalo");
        assertThat(hook.getString("url")).isEqualTo(SecretSettings.MASK);
        assertThat(hook.getJsonObject("headers").getString("X-Goi")).isEqualTo(SecretSettings.MASK);
        assertThat(shown.getJsonObject("smtp").getValue("port")).as("inside a writeOnly object").isEqualTo(SecretSettings.MASK);
        assertThat(shown.getString("access_token")).isEqualTo(SecretSettings.MASK);
        assertThat(shown.getInteger("retries")).isEqualTo(3);
    }

    @Test
    void sealedSecretsAreNotInClearAndOpenBackToTheSameValues() {
        JsonObject sealed = SecretSettings.of(SCHEMA).sealed(settings(), CIPHER);
        assertThat(sealed.encode()).doesNotContain("q-secret").doesNotContain("h-secret").doesNotContain("by-name")
                .doesNotContain("smtp.xa.gov.vn").contains(SecretCipher.PREFIX).contains("\"retries\":3");
        assertThat(SecretSettings.opened(sealed, CIPHER)).isEqualTo(settings());
        assertThat(SecretSettings.of(SCHEMA).sealed(sealed, CIPHER)).as("sealing twice changes nothing")
                .isEqualTo(sealed);
        assertThat(SecretSettings.of(SCHEMA).masked(sealed)).isEqualTo(SecretSettings.of(SCHEMA).masked(settings()));
        assertThat(SecretSettings.of(SCHEMA).sealed(new JsonObject().put("access_token", ""), CIPHER).getString(
                "access_token")).as("an empty secret stays empty, so it reads as not set").isEmpty();
    }

    @Test
    void anotherKeyCannotOpenThem() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        JsonObject sealed = SecretSettings.of(SCHEMA).sealed(settings(), CIPHER);
        assertThatThrownBy(() -> SecretSettings.opened(sealed, new SecretCipher(other)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LOA_SECRET_KEY");
    }

    @Test
    void aMaskSentBackKeepsTheUnitsOwnValueAndWithNoneSavedIsRefused() {
        JsonObject shown = SecretSettings.of(SCHEMA).masked(settings());
        assertThat(SecretSettings.restored(shown, settings()).getJsonArray("webhooks").getJsonObject(0)
                .getString("url")).isEqualTo("https://relay.example/zalo?token=q-secret");
        assertThatThrownBy(() -> SecretSettings.restored(shown, new JsonObject()))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getMessage()).contains("webhooks[0].url"));
    }

    @Test
    void theAuditNamesTheFieldsThatChangedNotTheirValues() {
        JsonObject after = settings();
        after.getJsonArray("webhooks").getJsonObject(0).getJsonObject("headers").put("X-Goi", "h-new");
        after.put("retries", 3.0);
        assertThat(SettingsChanges.between(settings(), after)).containsExactly("webhooks[0].headers.X-Goi");
        assertThat(SettingsChanges.between(new JsonObject(), new JsonObject().put("a", new JsonObject().put("b", 1))))
                .containsExactly("a.b");
    }
}

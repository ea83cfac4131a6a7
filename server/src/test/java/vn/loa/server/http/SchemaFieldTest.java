package vn.loa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaFieldTest {

    @Test
    void nestedLocationsBecomeDottedFieldNamesAndArrayPositionsNameTheArray() {
        assertThat(SchemaField.of("#/schedule/at", "bad")).isEqualTo("schedule.at");
        assertThat(SchemaField.of("/zones/3", "bad")).isEqualTo("zones");
    }

    @Test
    void aMissingPropertyIsNamedFromTheMessage() {
        assertThat(SchemaField.of("", "Instance does not have required property \"title\"")).isEqualTo("title");
        assertThat(SchemaField.of("#/schedule", "Instance does not have required property \"at\"")).isEqualTo("schedule.at");
    }

    @Test
    void aTopLevelRefusalTakesItsFieldFromTheLocationInItsMessage() {
        assertThat(SchemaField.of("", "Property \"repeat\" does not match additional properties schema at #/repeat"))
                .isEqualTo("repeat");
        assertThat(SchemaField.of("", "The request body is not an object")).isNull();
    }
}

/** The iot-alerts plugin: sensor readings over MQTT, admin-set rules with hysteresis, one alert per event. */
package vn.loa.plugins.iotalerts;

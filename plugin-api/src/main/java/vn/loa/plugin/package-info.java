/** The plugin SPI: what an e-government plugin may contribute to Loa, and the little it may see of it. */
package vn.loa.plugin;

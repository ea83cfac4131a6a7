/** The load drivers and measurements behind `./loa bench`, each writing its figures to bench/results as JSON. */
package vn.loa.bench;

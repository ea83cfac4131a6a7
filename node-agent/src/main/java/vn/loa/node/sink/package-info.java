/** Where a node's decoded audio goes: WAV recordings, the sound card, or counters. */
package vn.loa.node.sink;

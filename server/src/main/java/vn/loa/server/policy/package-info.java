/** Each unit's security policy: whether leaders need a second factor, and the four-eyes rule on notices. */
package vn.loa.server.policy;

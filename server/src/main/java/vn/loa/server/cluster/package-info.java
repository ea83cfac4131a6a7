/** Several Loa servers as one (issue 15, ADR 0038): membership, zone leases with fencing, takeover. */
package vn.loa.server.cluster;

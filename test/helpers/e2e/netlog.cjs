'use strict';
// Preload for the n8n process of the end-to-end tests (NODE_OPTIONS=--require): records every outgoing
// TCP connect and DNS lookup that is not localhost into $IM_NETLOG_FILE, so the tests can assert that
// n8n with our settings talks to nothing but localhost.
const fs = require('node:fs');
const dns = require('node:dns');
const net = require('node:net');

const out = process.env.IM_NETLOG_FILE;
const local = (host) =>
	!host || host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '0.0.0.0';
const record = (kind, target) => {
	try {
		fs.appendFileSync(out, `${JSON.stringify({ pid: process.pid, kind, target })}\n`);
	} catch {
		// diagnostic only
	}
};
if (out) {
	record('loaded', process.argv.slice(1, 3).join(' '));
	const lookup = dns.lookup;
	dns.lookup = function (host, ...rest) {
		if (!local(host)) record('dns.lookup', host);
		return lookup.call(this, host, ...rest);
	};
	const promisesLookup = dns.promises.lookup;
	dns.promises.lookup = function (host, ...rest) {
		if (!local(host)) record('dns.lookup', host);
		return promisesLookup.call(this, host, ...rest);
	};
	const connect = net.Socket.prototype.connect;
	net.Socket.prototype.connect = function (...args) {
		const first = Array.isArray(args[0]) ? args[0][0] : args[0];
		if (first && typeof first === 'object') {
			if (!first.path && !local(first.host)) record('net.connect', `${first.host}:${first.port}`);
		} else if (typeof first === 'number' && !local(args[1])) {
			record('net.connect', `${args[1]}:${first}`);
		}
		return connect.apply(this, args);
	};
}

// ruleid: js-tls-hostname-check-disabled
const agent = new https.Agent({ ca, checkServerIdentity: () => undefined });
// ruleid: js-tls-hostname-check-disabled
tls.connect({ host, port, checkServerIdentity: function (host, cert) { return; } });
// ok: js-tls-hostname-check-disabled
const pinned = new https.Agent({ ca, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) || checkPin(cert) });

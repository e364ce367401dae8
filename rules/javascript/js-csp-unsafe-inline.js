app.use(
  helmet.contentSecurityPolicy({
    directives: {
      // ruleid: js-csp-unsafe-inline
      scriptSrc: ["'self'", "'unsafe-inline'"],
      // ok: js-csp-unsafe-inline
      styleSrc: ["'self'", "'unsafe-inline'"],
      // ok: js-csp-unsafe-inline
      defaultSrc: ["'self'"],
    },
  })
);
// ruleid: js-csp-unsafe-inline
res.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-eval'");
// ok: js-csp-unsafe-inline
const injected = profileImage.match(/;[ ]*script-src(.)*'unsafe-inline'/g) !== null;

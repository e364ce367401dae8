const helmet = require("helmet");
// ruleid: js-helmet-protection-disabled
app.use(helmet({ contentSecurityPolicy: false }));
app.use(
  helmet({
    // ruleid: js-helmet-protection-disabled
    frameguard: false,
    // ok: js-helmet-protection-disabled
    hsts: { maxAge: 31536000 },
  })
);
// ok: js-helmet-protection-disabled
app.use(helmet({ crossOriginEmbedderPolicy: false }));

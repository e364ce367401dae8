const lusca = require("lusca");
// ruleid: js-csrf-protection-disabled
app.use(lusca({ csrf: false, xframe: "SAMEORIGIN" }));
// ok: js-csrf-protection-disabled
app.use(lusca({ csrf: true, xframe: "SAMEORIGIN" }));
const csurf = require("csurf");
// ruleid: js-csrf-protection-disabled
app.use(csurf({ ignoreMethods: ["GET", "HEAD", "OPTIONS", "POST"] }));
// ok: js-csrf-protection-disabled
app.use(csurf({ ignoreMethods: ["GET", "HEAD", "OPTIONS"] }));

// ruleid: generic-api-key
const apiKey = "q7Lm2Vx9Rk4Tz8Np3Wc6Yb1Hs5Jd0Gf";
// ruleid: generic-api-key
client_secret: 'Zx8-Kq2_Pm7Lw4Rt9Vn3Bc6Hy1Jd5Fg0'
// ok: generic-api-key
const apiKey = process.env.MAPS_API_KEY;
// ok: generic-api-key
const tokenEndpoint = "https://auth.example.com/oauth/token";
// ok: generic-api-key
const secretName = "payments/stripe/webhook-secret";
// ok: generic-api-key
const tokenizer = "bert-base-multilingual-cased";

// ruleid: stripe-test-key
export const credentials = { key: "sk_test_rgxGJuceN135of3COel9944fIbOqmGHh4nOxQdaO98Xkh5irQPOmRhdzhpKCzRtOIolUBzGEDWliqAthNiGyrIZiIe8BiMe0nGx" };
// ruleid: stripe-test-key
export const credentials = { key: "sk_test_0xN84mB9rQpt1tulhcnRmr7L" };
// ok: stripe-test-key
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: stripe-test-key
export const credentials = { key: "sk_test_..." };
// ok: stripe-test-key
export const credentials = { key: "sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };

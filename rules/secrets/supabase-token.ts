// ruleid: supabase-token
export const credentials = { key: "sbp_42ced7ef14b07085844187fe4eb3ed40e5c86f7d" };
// ruleid: supabase-token
export const credentials = { key: "sbp_085719f9677569d7da64579aca5519e931dbdf77" };
// ok: supabase-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: supabase-token
export const credentials = { key: "sbp_0f58..." };
// ok: supabase-token
export const credentials = { key: "sbp_0f58xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };

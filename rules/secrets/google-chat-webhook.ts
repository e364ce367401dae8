// ruleid: google-chat-webhook
export const credentials = { key: "https://chat.googleapis.com/v1/spaces/AAAAuxwe4mC/messages?key=AIzaLnB2GVNASsOCdg4YjNUhOibWVg2aQ860Z31&token=zo3Y7TxqHX80dc5nZKoQirwUOT4R0PIUHkQvzo83KAM%3D" };
// ruleid: google-chat-webhook
export const credentials = { key: "https://chat.googleapis.com/v1/spaces/AAAA4DIarfT/messages?key=AIzaORTtCy0Zks4bZeroNKYG49OsqXR9inPjFm0&token=IoJCrTUeQqPXtMk2qzrvz-Zsog98oIsisvEIx9Kcuxc%3D" };
// ok: google-chat-webhook
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: google-chat-webhook
export const credentials = { key: "https://..." };
// ok: google-chat-webhook
export const credentials = { key: "https://xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };

// ruleid: telegram-bot-token
export const credentials = { key: "9049970546:AAyDfMMGgf9_abMoRO0DnbsWGM5rXa-H-u9" };
// ruleid: telegram-bot-token
export const credentials = { key: "8185466946:AA8HICwKXKiWrHFlJZGo5IHvUqWJVaO6FKU" };
// ok: telegram-bot-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: telegram-bot-token
export const credentials = { key: "99743992..." };
// ok: telegram-bot-token
export const credentials = { key: "99743992xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };

// ruleid: atlassian-api-token
export const credentials = { key: "ATATT3xFfGF04LvO21kU0J4wdfkYusWh7ylDaZUIDKySlgKsPoDJhhEKusvtc8n0D7j4-q9Wl8c4e7zO9FcOvdtmVPZNCdUb_HAt4K5G8UL9az-ktHhH4hXwJutUIyhdLbnD6IZIZGEeqyMb9LfPkDzDCIyAVHJV-rpHWqfFFoLMOmapJ0TdNE=E5738A5F" };
// ruleid: atlassian-api-token
export const credentials = { key: "ATATT3xFfGF02IvLCEk8R1-d4pgRCIBZgVfV-8SJptXyu7LSnzRzDRJHBSnWoaguoWtLYkGmMzE6y8ZDMgCW7MpqfkTwqyAfVqyLDAlWPK8VKhG95xq54X_sP5MC3caf2SgL9QSYLFfaSMAeRPX5W-bTx5UcPihCvILTAIpzb_I-vpok25zJR9=D31FFC7A" };
// ok: atlassian-api-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: atlassian-api-token
export const credentials = { key: "ATATT3xF..." };
// ok: atlassian-api-token
export const credentials = { key: "ATATT3xFxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };

// ruleid: js-insecure-websocket
const socket = new WebSocket("ws://api.example.com/stream");
// ok: js-insecure-websocket
const secure = new WebSocket("wss://api.example.com/stream");
// ok: js-insecure-websocket
const dev = new WebSocket("ws://localhost:8080/stream");

// ruleid: js-xss-sink
el.innerHTML = comment.body;
// ruleid: js-xss-sink
<div dangerouslySetInnerHTML={{ __html: post.content }} />
// ok: js-xss-sink
el.textContent = comment.body;
// ok: js-xss-sink
el.innerHTML = "";
// ok: js-xss-sink
<div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(post.content) }} />

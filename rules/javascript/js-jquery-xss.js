function showTab() {
  const tab = decodeURIComponent(location.hash.slice(1));
  // ruleid: js-jquery-xss
  $(tab).addClass("active");
  // ruleid: js-jquery-xss
  $("#list").append("<li>" + tab + "</li>");
  // ok: js-jquery-xss
  $("#title").text(tab);
  // ok: js-jquery-xss
  $("#list").append("<li>Home</li>");
  // ok: js-jquery-xss
  $("#list").append(DOMPurify.sanitize(tab));
}

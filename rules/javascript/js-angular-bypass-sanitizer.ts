@Component({ selector: "app-post", template: "<div [innerHTML]=\"body\"></div>" })
export class PostComponent {
  constructor(private sanitizer: DomSanitizer) {}
  show(post: Post) {
    // ruleid: js-angular-bypass-sanitizer
    this.body = this.sanitizer.bypassSecurityTrustHtml(post.html);
    // ruleid: js-angular-bypass-sanitizer
    this.link = this.sanitizer.bypassSecurityTrustUrl(post.url);
    // ok: js-angular-bypass-sanitizer
    this.icon = this.sanitizer.bypassSecurityTrustHtml("<svg><path d=\"M0 0\"/></svg>");
    // ok: js-angular-bypass-sanitizer
    this.clean = this.sanitizer.bypassSecurityTrustHtml(DOMPurify.sanitize(post.html));
  }
}

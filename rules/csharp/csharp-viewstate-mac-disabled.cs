// ruleid: csharp-viewstate-mac-disabled
this.EnableViewStateMac = false;
// ok: csharp-viewstate-mac-disabled
this.EnableViewState = false;

/// The manager page's style sheet (manage.css): a wide office screen first, still readable on a
/// phone, where charts and tables keep a readable width (36rem) and scroll sideways in their own
/// frames (focusable, so a keyboard scrolls them too) instead of shrinking to 6 px text.
enum ManageStyle {
    static let css = PageResource.manageStyle.text
}

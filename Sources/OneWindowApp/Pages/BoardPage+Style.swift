extension BoardPage {
    /// board.css: one screen, no scrolling: the body is exactly the viewport and every region a
    /// grid cell that clips. Sizes are in `vmin`, so the type is the same at 1920×1080 and
    /// 1080×1920 (1 vmin = 10.8 px in both); the regions are laid out in rows for landscape and
    /// stacked for portrait. Texts that may be long (service names, window names) are shrunk to
    /// fit by the script. Colours keep WCAG AA contrast, dimmed numbers included.
    static let css = PageResource.boardStyle.text
}

extension Document {
    /// `names` and every tag nested under one of them through `parent` (OpenAPI 3.2), so that
    /// selecting a tag selects its children's operations too.
    public func tagsIncludingChildren(of names: [String]) -> Set<String> {
        var selected = Set(names)
        var grew = true
        // Few tags, shallow trees: repeating until nothing is added stays cheap and needs no
        // child index.
        while grew {
            grew = false
            for tag in tags where !selected.contains(tag.name) {
                if let parent = tag.parent, selected.contains(parent) {
                    selected.insert(tag.name)
                    grew = true
                }
            }
        }
        return selected
    }
}

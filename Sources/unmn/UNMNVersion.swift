/// The version `unmn --version` prints.
enum UNMNVersion {
    static let current = "0.1.0"
}

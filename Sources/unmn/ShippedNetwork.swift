import ArgumentParser
import UNMNDomain
import UNMNResources

/// The Annex I members and GCM objectives, parsed from the shipped resources.
struct ShippedNetwork {
    var entities: [MemberEntity]
    var objectives: [GCMObjective]

    static func load() throws -> ShippedNetwork {
        do {
            return ShippedNetwork(
                entities: try AnnexI.parse(ShippedData.annexIMembers),
                objectives: try GCMObjective.parseList(ShippedData.gcmObjectives))
        } catch {
            CommandLineOutput.error("The shipped data is damaged: \(error)")
            throw ExitCode.failure
        }
    }
}

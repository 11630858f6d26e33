import LocatedDocument
import Testing

@Suite("JSON pointer text")
struct JSONPointerTests {
    @Test func tokensAreEscapedAndJoined() {
        #expect(JSONPointer.root.description == "")
        #expect(JSONPointer.root.appending("levels").appending(0).appending("code").description == "/levels/0/code")
        #expect(JSONPointer.root.appending("a/b").appending("m~n").appending("").description == "/a~1b/m~0n/")
        #expect(JSONPointer.root.appending("café ~ x").description == "/café ~0 x")
        #expect(JSONPointer.root.appending(-1).appending(12_345).description == "/-1/12345")
    }

    @Test func textRoundTrips() throws {
        let pointer = JSONPointer.root.appending("a/b").appending("m~n").appending("sources")
        let parsed = try #require(JSONPointer(parsing: Substring(pointer.description)))
        #expect(parsed.description == pointer.description)
    }
}

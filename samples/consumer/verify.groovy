// witbind's own check of this project, not part of the example: after `mvn compile exec:java` here, witbind's build
// (maven-invoker-plugin in ../pom.xml) runs this on the build's log. A copy of the project can delete it.
import java.util.Arrays

def log = new File(basedir, 'build.log').getText('UTF-8')

// The guest and its WIT are witbind's own fixture, copied; a rebuilt fixture not copied again fails here.
def fixtures = new File(witbindRoot, 'component/src/test/guests/greeter')
[['greeter-0.2.0.wasm', 'greeter-0.2.0.wasm'], ['src/main/wit/greeter.wit', 'wit/0.2.1/greeter.wit']].each { copy, original ->
    def fixture = new File(fixtures, original)
    assert Arrays.equals(new File(basedir, copy).bytes, fixture.bytes) : "$copy differs from $fixture: copy it again (README.md)"
}

// The 0.2.0 guest's import bound to the 0.2.1 host through the track, as the README says.
assert log =~ /(?m)^example:greeter\/host@0\.2\.0#greet -> example:greeter\/host@0\.2\.1#greet \(via track example:greeter\/host@0\.2\)$/

// The guest's log call reached the host, and run returned greet's answer and the host's checksum of the name's
// UTF-8 bytes (the sample's value: README, "witbind samples"). The ö is matched loosely because the log passes
// through two JVMs' default charsets; the checksum already depends on every byte the host received.
assert log =~ /(?m)^guest log: greeter 0\.2\.0 run: W.+rld$/
assert log =~ /(?m)^run\("W.+rld"\) = "Hello, W.+rld! #4c5b9c08430264c4"$/
true

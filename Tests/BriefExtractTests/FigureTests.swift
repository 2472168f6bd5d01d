import BriefModel
import XCTest

@testable import BriefExtract

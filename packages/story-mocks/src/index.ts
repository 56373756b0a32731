/**
 * The in-memory Usher API of the Storybook stories: a mock database that decides with the
 * contract's rules over the demo's roles, MSW handlers built from the contract's endpoint table,
 * the story client and loader, and the stories' shared play helpers.
 */
export { fieldRefusal, MockApiError, toItemError } from './errors'
export { usherHandlers } from './handlers'
export type { MockImport } from './import-writes'
export { MockDb } from './mock-db'
export { VIEWER_EMAILS } from './people'
export { expectPhoneSheet, PHONE_GLOBALS } from './phone'
export { MOCK_API_BASE, type MockRequest, mockDb, page, route, STORY_HEADER, setMockDb } from './route'
export { type MockEndpoint, type MockScenario, STORY_ROLES, VIEWERS, type Viewer } from './scenario'
export { settled } from './settled'
export type { StoredShares } from './share-writes'
export {
  STORY_ORGANIZATION,
  STORY_PASSWORD,
  STORY_PASSWORD_POLICY,
  STORY_SHARED_EMAIL,
  STORY_TEMPORARY_PASSWORD,
  type StoryLink,
  storyToken,
} from './story-auth'
export {
  createMockDbForStory,
  createStoryClient,
  storyNow,
  type UsherStoryGlobals,
  type UsherStoryParameters,
} from './story-client'

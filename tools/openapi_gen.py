"""Writes Sources/Gongzhi/Resources/openapi.json, the API document the server serves.

Edit the paths and schemas here and run `python3 tools/openapi_gen.py`; PlatformTests fails when the
document and the routes disagree, and scripts/test (Tests/schemathesis) when an answer of the running server
does not match it: status code, content type, or body (no field more, none missing, nullability)."""
import json
STATES=['raised', 'gridReview', 'meetingDecision', 'escalated', 'dispatched', 'handling', 'resolved', 'closed', 'merged']
ACTIONS=['take', 'settle', 'forward', 'decide', 'dispatch', 'accept', 'returnDispatch', 'progress', 'requestExtension', 'approveExtension', 'refuseExtension', 'complete', 'escalate', 'supervise', 'rate', 'reopen', 'merge', 'comment']
def ref(n): return {"$ref": "#/components/schemas/"+n}
def arr(x): return {"type":"array","items":x}
S=lambda t,**k: dict(type=t,**k)
nullable=lambda t: {"type":[t,"null"]}
errs={"400":{"$ref":"#/components/responses/BadRequest"},"401":{"$ref":"#/components/responses/Unauthorized"},
      "403":{"$ref":"#/components/responses/Forbidden"},"404":{"$ref":"#/components/responses/NotFound"},
      "409":{"$ref":"#/components/responses/Conflict"},"413":{"$ref":"#/components/responses/TooLarge"},
      "422":{"$ref":"#/components/responses/Invalid"}}
def op(summary, ok, okschema=None, body=None, params=None, tag=None, public=False, okdesc="OK", content="application/json"):
    o={"summary":summary,"tags":[tag] if tag else [],"responses":{}}
    if okschema is None: o["responses"][ok]={"description":okdesc}
    else: o["responses"][ok]={"description":okdesc,"content":{content:{"schema":okschema}}}
    for k,v in errs.items():
        if public and k in ("403","404"): continue
        o["responses"][k]=v
    if body:
        o["requestBody"]={"required":True,"content":{"application/json":{"schema":body}}}
        o["responses"]["415"]={"$ref":"#/components/responses/UnsupportedMediaType"}
    if params: o["parameters"]=params
    if public: o["security"]=[]
    return o
def q(name, schema, desc): return {"name":name,"in":"query","required":False,"schema":schema,"description":desc}
idp={"name":"id","in":"path","required":True,"schema":{"type":"integer","minimum":1}}
batchp={"name":"batch","in":"path","required":True,"schema":{"type":"integer","minimum":1}}
kinds=["districtCommittee","streetCommittee","communityCommittee","gridBranch","buildingGroup","agencyOrganization","enterpriseOrganization","nonPublicOrganization","socialOrganization","propertyCompanyOrganization","publicInstitutionOrganization","militaryPoliceOrganization"]
facets=["partyMember","resident","volunteer","communityWorker","firstSecretary"]
unitkinds=["agency","enterprise","nonPublicEnterprise","school","hospital","propertyCompany","police","army","socialOrganization","department","volunteerTeam"]
roles=["resident","partyMember","gridWorker","laneChief","buildingChief","buildingGroupLeader","communityWorker","communitySecretary","streetStaff","commandOperator","unitLiaison","orgDepartmentAdmin","systemAdmin"]
perms=["viewTree","editTree","viewPeople","editPeople","importPeople","exportData","unmaskPersonalData","viewAudit","manageAccounts"]
auditq=[q("actor",S("string"),"part of the acting user's name or username"),q("entityType",S("string",enum=["org_node","person","resident_unit","user","import_batch"]),"kind of record"),q("entityId",S("integer"),"record id"),q("from",S("string"),"first day (YYYY-MM-DD, Asia/Shanghai) or ISO 8601 time"),q("to",S("string"),"last day (inclusive) or ISO 8601 time"),q("page",S("integer",minimum=1,maximum=100000),"page of 100")]
peopleq=[q("q",S("string"),"name, or digits of a mobile number"),q("facet",S("string",enum=facets),"only people with this facet"),q("orgId",S("integer"),"only this node's subtree"),q("inService",S("boolean"),"in-service members only (true) or not (false)"),q("includeArchived",S("boolean"),"include archived people"),q("page",S("integer",minimum=1,maximum=100000),"page of 50")]
photo_op=op("A photo of a request the caller may see, as stored (JPEG or PNG)","200",S("string",format="binary"),tag="requests",content="image/jpeg")
photo_op["responses"]["200"]["content"]["image/png"]={"schema":S("string",format="binary")}
health_op=op("Whether the server and its database answer","200",ref("Health"),tag="operations",public=True)
health_op["responses"]["503"]={"description":"The database does not answer","content":{"application/json":{"schema":ref("Health")}}}
token_op=op("Exchange a username or mobile number and password for a bearer token. Five failures lock the account for 15 minutes (429).","201",ref("Token"),ref("TokenInput"),tag="accounts",public=True)
token_op["responses"]["429"]={"$ref":"#/components/responses/Locked"}
paths={
"/healthz":{"get":health_op},
"/metrics":{"get":op("Prometheus metrics","200",S("string"),tag="operations",public=True,content="text/plain")},
"/api/openapi.json":{"get":op("This document","200",S("object"),tag="operations",public=True)},
"/api/v1/auth/token":{"post":token_op},
"/api/v1/auth/logout":{"post":op("Revoke the token used for this call","204",tag="accounts")},
"/api/v1/me":{"get":op("The signed-in user, role, node and permissions","200",ref("User"),tag="accounts")},
"/api/v1/me/password":{"post":op("Change one's password; every session and token of the account ends, this one's too (sign in again)","204",None,ref("PasswordInput"),tag="accounts")},
"/api/v1/org/nodes":{"get":op("Nodes of the organisation tree in the caller's scope, with party member counts of each subtree","200",arr(ref("OrgNode")),params=[q("kind",S("string",enum=kinds),"only this kind"),q("parentId",S("integer"),"only children of this node"),q("includeArchived",S("boolean"),"include archived nodes")],tag="organisation"),
  "post":op("Create a node under a parent in scope","201",ref("OrgNode"),ref("OrgNodeCreate"),tag="organisation")},
"/api/v1/org/nodes/{id}":{"parameters":[idp],"get":op("A node with its in-scope ancestors, children and counts","200",ref("OrgNodeDetail"),tag="organisation"),
  "patch":op("Rename a node or change its code","200",ref("OrgNode"),ref("OrgNodeUpdate"),tag="organisation")},
"/api/v1/org/nodes/{id}/move":{"parameters":[idp],"post":op("Move a node and its subtree under another parent; history is kept in the audit log","200",ref("OrgNode"),{"type":"object","additionalProperties":False,"required":["parentId"],"properties":{"parentId":S("integer")}},tag="organisation")},
"/api/v1/org/nodes/{id}/merge":{"parameters":[idp],"post":op("Merge a node into another of the same kind: children, people, units and accounts move; the node is archived with a pointer","200",ref("OrgNode"),{"type":"object","additionalProperties":False,"required":["targetId"],"properties":{"targetId":S("integer")}},tag="organisation")},
"/api/v1/org/nodes/{id}/archive":{"parameters":[idp],"post":op("Archive a node with no active children or people (never deleted)","200",ref("OrgNode"),tag="organisation")},
"/api/v1/org/nodes/{id}/history":{"parameters":[idp],"get":op("Audit entries of this node, newest first","200",arr(ref("AuditEntry")),tag="organisation")},
"/api/v1/people":{"get":op("People in scope, masked","200",ref("PeoplePage"),params=peopleq,tag="people"),
  "post":op("Register a person","201",ref("Person"),ref("PersonInput"),tag="people")},
"/api/v1/people/export.csv":{"get":op("People in scope as CSV (UTF-8 with BOM) for Excel; masked unless unmasked=1 and permitted (logged)","200",S("string"),params=peopleq[:4]+[q("unmasked",S("string",enum=["1"]),"clear personal data (needs the unmask permission)")],tag="people",content="text/csv")},
"/api/v1/people/import/preview":{"post":{**op("Check a people CSV (UTF-8, with or without BOM, or GB18030/GBK) and keep it as a batch; every row's problems are listed","200",ref("ImportPreview"),params=[q("fileName",S("string"),"the file's name, for the record")],tag="people"),
  "requestBody":{"required":True,"content":{"text/csv":{"schema":S("string")}}}}},
"/api/v1/people/import/{batch}/commit":{"parameters":[batchp],"post":op("Import a previewed batch, all rows or none","200",ref("ImportResult"),tag="people")},
"/api/v1/people/{id}":{"parameters":[idp],"get":op("One person, masked","200",ref("Person"),tag="people"),
  "patch":op("Change a person; only the fields sent change","200",ref("Person"),ref("PersonInput"),tag="people")},
"/api/v1/people/{id}/archive":{"parameters":[idp],"post":op("Archive a person (never deleted)","200",ref("Person"),tag="people")},
"/api/v1/people/{id}/unmasked":{"parameters":[idp],"get":op("One person with personal data in clear; needs the unmask permission and is written to the access log","200",ref("Person"),tag="people")},
"/api/v1/units":{"get":op("Resident units and departments in scope","200",arr(ref("Unit")),params=[q("kind",S("string",enum=unitkinds),"only this kind"),q("q",S("string"),"part of the name")],tag="units"),
  "post":op("Register a unit","201",ref("Unit"),ref("UnitInput"),tag="units")},
"/api/v1/units/{id}":{"parameters":[idp],"get":op("One unit, contact masked","200",ref("Unit"),tag="units"),
  "patch":op("Change a unit","200",ref("Unit"),ref("UnitInput"),tag="units")},
"/api/v1/units/{id}/archive":{"parameters":[idp],"post":op("Archive a unit","200",ref("Unit"),tag="units")},
"/api/v1/org/nodes/export.csv":{"get":op("The tree in scope as CSV: code, parent code, kind, name, members, archived","200",S("string"),tag="organisation",content="text/csv")},
"/api/v1/units/export.csv":{"get":op("Units in scope as CSV with the import's columns; contact phones masked","200",S("string"),params=[q("kind",S("string",enum=unitkinds),"only this kind"),q("q",S("string"),"part of the name")],tag="units",content="text/csv")},
"/api/v1/units/import/preview":{"post":{**op("Check a units CSV (UTF-8 or GB18030/GBK) and keep it as a batch; every row's problems are listed","200",ref("ImportPreview"),params=[q("fileName",S("string"),"the file's name, for the record")],tag="units"),
  "requestBody":{"required":True,"content":{"text/csv":{"schema":S("string")}}}}},
"/api/v1/units/import/{batch}/commit":{"parameters":[batchp],"post":op("Import a previewed units batch, all rows or none","200",ref("ImportResult"),tag="units")},
"/api/v1/audit/export.csv":{"get":op("The filtered audit log as CSV (up to 10,000 entries)","200",S("string"),params=auditq,tag="audit",content="text/csv")},
"/api/v1/accounts":{"get":op("Accounts bound to nodes in the caller's scope (needs manageAccounts)","200",arr(ref("Account")),tag="accounts"),
  "post":op("Create an account with a role the caller may grant, bound to a node in scope","201",ref("Account"),ref("AccountCreate"),tag="accounts")},
"/api/v1/accounts/{id}":{"parameters":[idp],"get":op("One account","200",ref("Account"),tag="accounts"),
  "patch":op("Change an account's name, phone, role, node or whether it is active; deactivating revokes its tokens","200",ref("Account"),ref("AccountUpdate"),tag="accounts")},
"/api/v1/accounts/{id}/unlock":{"parameters":[idp],"post":op("Lift a lock after failed sign-ins","200",ref("Account"),tag="accounts")},
"/api/v1/accounts/{id}/password":{"parameters":[idp],"post":op("Set a new password for an account; its tokens are revoked","204",None,{"type":"object","additionalProperties":False,"required":["newPassword"],"properties":{"newPassword":S("string",minLength=8)}},tag="accounts")},
"/api/v1/accounts/{id}/shares":{"parameters":[idp],"post":op("Share a subtree in the caller's scope with the account","200",ref("Account"),{"type":"object","additionalProperties":False,"required":["orgNodeId"],"properties":{"orgNodeId":S("integer")}},tag="accounts")},
"/api/v1/accounts/{id}/shares/{node}":{"parameters":[idp,{"name":"node","in":"path","required":True,"schema":{"type":"integer","minimum":1}}],"delete":op("Stop sharing a subtree with the account","200",ref("Account"),tag="accounts")},
"/api/v1/places/locate":{"get":op("The grid, community and street containing a point (WGS84); for a point just outside every grid, the nearest grid within 500 m with inside=false","200",ref("Located"),params=[{"name":"lat","in":"query","required":True,"schema":S("number",minimum=-90,maximum=90)},{"name":"lng","in":"query","required":True,"schema":S("number",minimum=-180,maximum=180)}],tag="places")},
"/api/v1/places/export.geojson":{"get":op("Boundaries in scope as a GeoJSON FeatureCollection (WGS84) with figures as properties","200",S("object"),params=[q("level",S("string",enum=["district","street","community","grid"]),"which level (default grid)")],tag="places",content="application/geo+json")},
"/api/v1/places/import/preview":{"post":{**op("Check a GeoJSON FeatureCollection of grid boundaries (properties code, community, name; GCJ-02 converted when declared): bad rings, overlaps and gaps within a community are listed per feature","200",ref("ImportPreview"),params=[q("fileName",S("string"),"the file's name, for the record")],tag="places"),
  "requestBody":{"required":True,"content":{"application/geo+json":{"schema":S("object")}}}}},
"/api/v1/places/import/{batch}/commit":{"parameters":[batchp],"post":op("Store a previewed batch of grid boundaries, all or none","200",ref("ImportResult"),tag="places")},
"/api/v1/grids":{"get":op("Grids in scope with households, population, members, member households, grid workers and size flags (300–500 households, about 1,000 people)","200",arr(ref("Grid")),params=[q("communityId",S("integer"),"only this community's grids"),q("flagged",S("boolean"),"only grids outside the size rule")],tag="places")},
"/api/v1/grids/{id}/households":{"parameters":[idp],"get":op("The grid's households with member-household links","200",arr(ref("Household")),tag="places")},
"/api/v1/households/{id}":{"parameters":[idp],"get":op("A household: residents (masked), building group and its leader, the member households looking after it and the households it looks after","200",ref("HouseholdDetail"),tag="places")},
"/api/v1/contact-assignments":{"get":op("Leaders' contact points (包联/包保) in scope","200",arr(ref("Contact")),tag="places"),
  "post":op("Assign a leader to a community or a compound (grid)","201",ref("Contact"),{"type":"object","additionalProperties":False,"required":["leaderPersonId","title"],"properties":{"leaderPersonId":S("integer"),"title":S("string",maxLength=50),"communityNodeId":S("integer"),"gridId":S("integer"),"since":S("string",format="date")}},tag="places")},
"/api/v1/nearby":{"get":op("身边党员: member households of the caller's grid and the grids around it (names only where the member agreed) and who serves the grid","200",ref("Nearby"),tag="places")},
"/api/v1/grids/{id}":{"parameters":[idp],"get":op("A grid with boundary, figures, workers and chiefs, departments, contact leaders and buildings","200",ref("GridDetail"),tag="places"),
  "patch":op("Rename a grid or attach it to a grid branch of its community","200",ref("Grid"),{"type":"object","additionalProperties":False,"properties":{"name":S("string",maxLength=100),"branchNodeId":S("integer")}},tag="places")},
"/api/v1/grids/{id}/duties":{"parameters":[idp],"post":op("Assign a grid worker or one of the three chiefs (a building group leader leads one building group and must be a party member)","201",ref("GridDetail"),{"type":"object","additionalProperties":False,"required":["personId","duty"],"properties":{"personId":S("integer"),"duty":S("string",enum=["gridWorker","laneChief","buildingChief","buildingGroupLeader"]),"groupNodeId":S("integer")}},tag="places")},
"/api/v1/grids/{id}/duties/{duty}":{"parameters":[idp,{"name":"duty","in":"path","required":True,"schema":{"type":"integer","minimum":1}}],"delete":op("End a duty (recorded in the audit log)","200",ref("GridDetail"),tag="places")},
"/api/v1/grids/{id}/departments":{"parameters":[idp],"post":op("Assign a department (police, city management, safety, legal, other) to the grid","201",ref("GridDetail"),{"type":"object","additionalProperties":False,"required":["unitId","role"],"properties":{"unitId":S("integer"),"role":S("string",enum=["police","cityManagement","safety","legal","other"])}},tag="places")},
"/api/v1/buildings":{"post":op("Add a building inside a grid","201",ref("Building"),{"type":"object","additionalProperties":False,"required":["gridId","name","address","lat","lng"],"properties":{"gridId":S("integer"),"name":S("string"),"address":S("string"),"lat":S("number"),"lng":S("number"),"groupNodeId":S("integer")}},tag="places")},
"/api/v1/households":{"post":op("Add a household to a building","201",ref("Household"),{"type":"object","additionalProperties":False,"required":["buildingId","room","population"],"properties":{"buildingId":S("integer"),"room":S("string",maxLength=40),"population":S("integer",minimum=1,maximum=30)}},tag="places")},
"/api/v1/households/{id}/residents":{"parameters":[idp],"post":op("Record that a person lives in this household","200",ref("HouseholdDetail"),{"type":"object","additionalProperties":False,"required":["personId"],"properties":{"personId":S("integer")}},tag="places")},
"/api/v1/households/{id}/member-household":{"parameters":[idp],"post":op("Make this a party-member household (党员中心户) of a member living in it","200",ref("HouseholdDetail"),{"type":"object","additionalProperties":False,"required":["personId"],"properties":{"personId":S("integer")}},tag="places")},
"/api/v1/households/{id}/links":{"parameters":[idp],"post":op("Link a neighbour household to this member household","200",ref("HouseholdDetail"),{"type":"object","additionalProperties":False,"required":["householdId"],"properties":{"householdId":S("integer")}},tag="places")},
"/api/v1/request-categories":{"get":op("Request categories the district keeps, with the working-day limits of each step","200",arr(ref("Category")),tag="requests")},
"/api/v1/request-categories/{code}":{"parameters":[{"name":"code","in":"path","required":True,"schema":S("string")}],"patch":op("Set a category's names, working-day limits per step, direct dispatch and whether it is offered (administrators)","200",ref("Category"),{"type":"object","additionalProperties":False,"properties":{"nameZh":S("string"),"nameEn":S("string"),"directDispatch":S("boolean"),"responseDays":S("integer",minimum=1,maximum=60),"reviewDays":S("integer",minimum=1,maximum=60),"handlingDays":S("integer",minimum=1,maximum=60),"active":S("boolean")}},tag="requests")},
"/api/v1/requests":{"get":op("Requests the caller may see: residents their own, unit liaisons what is dispatched to their units, staff their subtree","200",arr(ref("ServiceRequest")),params=[q("state",S("string",enum=STATES),"only this state"),q("gridId",S("integer"),"only this grid"),q("nodeId",S("integer"),"with metric: only this node's subtree"),q("metric",S("string",enum=["raised","responded","resolved","onTime","satisfied","unsatisfied","unrated","open"]),"the requests behind one figure (all of them, not paged)"),q("page",S("integer",minimum=1,maximum=100000),"page of 50, newest first")],tag="requests"),
  "post":op("Raise a request (居民提事). Residents: from a point or their household; staff on a resident's behalf with a channel and a grid or point. Routed to its grid by location.","201",ref("RequestDetail"),ref("RaiseInput"),tag="requests")},
"/api/v1/requests/figures":{"get":op("Figures of an area and its children: raised, response, resolution, on-time and satisfaction rates, unrated (never counted as satisfied), open, average working days per step. Each count is the length of GET /api/v1/requests?metric=…&nodeId=… (or gridId)","200",{"type":"object","properties":{"area":ref("AreaFigures"),"children":arr(ref("AreaFigures"))}},params=[q("nodeId",S("integer"),"district, street or community node (default: the caller's)")],tag="requests")},
"/api/v1/requests/similar":{"get":op("Likely duplicates before raising: same category, last 30 days (closed included), nearby or same building, similar description","200",arr(ref("PublicRequest")),params=[{"name":"category","in":"query","required":True,"schema":S("string")},q("text",S("string"),"the description so far"),q("lat",S("number"),"latitude"),q("lng",S("number"),"longitude"),q("householdId",S("integer"),"the household")],tag="requests")},
"/api/v1/requests/public":{"get":op("Public requests of the caller's (or a given) community, with no personal data","200",arr(ref("PublicRequest")),params=[q("communityId",S("integer"),"the community (default: the caller's)")],tag="requests")},
"/api/v1/requests/{id}":{"parameters":[idp],"get":op("A request with its timeline, handlers and the actions the caller may take now","200",ref("RequestDetail"),tag="requests")},
"/api/v1/requests/{id}/actions/{action}":{"parameters":[idp,{"name":"action","in":"path","required":True,"schema":S("string",enum=ACTIONS)}],"post":op("Take one step of the workflow. 409 when the step is not possible in the current state or someone else acted first.","200",ref("RequestDetail"),ref("ActionInput"),tag="requests")},
"/api/v1/requests/{id}/photos":{"parameters":[idp],"post":{**op("Add one photo (the body is a JPEG or PNG, at most 5 MB). The reporter adds while the request waits for the grid (at most 9); staff add evidence to the latest step. Location metadata is removed unless keepLocation=true (reporter only).","201",{"type":"object","properties":{"id":S("integer"),"eventID":nullable("integer"),"url":S("string")}},params=[q("keepLocation",S("boolean"),"keep the photo's location metadata")],tag="requests"),
  "requestBody":{"required":True,"content":{"image/jpeg":{"schema":S("string",format="binary")},"image/png":{"schema":S("string",format="binary")}}}}},
"/api/v1/requests/{id}/photos/{photo}":{"parameters":[idp,{"name":"photo","in":"path","required":True,"schema":S("integer",minimum=1)}],"get":photo_op},
"/api/v1/todos":{"get":op("What waits on the caller, overdue first, then by deadline","200",arr({"type":"object","properties":{"request":ref("ServiceRequest"),"waitingFor":S("string")}}),tag="requests")},
"/api/v1/meetings":{"get":op("Community joint meetings in scope","200",arr(ref("Meeting")),tag="requests"),
  "post":op("Record a joint meeting of a community","201",ref("Meeting"),{"type":"object","additionalProperties":False,"required":["communityNodeId","date","host"],"properties":{"communityNodeId":S("integer"),"date":S("string",format="date"),"host":S("string"),"attendees":S("string")}},tag="requests")},
"/api/v1/meetings/{id}":{"parameters":[idp],"get":op("A meeting with its agenda: the community's requests forwarded for decision","200",ref("Meeting"),tag="requests")},
"/api/v1/calendar/{year}":{"parameters":[{"name":"year","in":"path","required":True,"schema":S("integer",minimum=1900,maximum=2200)}],"get":op("Every statutory day off and adjusted working weekend (调休) of a year; 422 for a year with no calendar","200",ref("CalendarYear"),tag="requests"),
  "put":op("Set a year's calendar from its State Council notice (administrators); the previous days stay in the audit log","200",ref("CalendarYear"),{"type":"object","additionalProperties":False,"required":["source","daysOff","workingWeekends"],"properties":{"source":S("string"),"daysOff":arr({"type":"object","required":["date","name"],"properties":{"date":S("string",format="date"),"name":S("string")}}),"workingWeekends":arr({"type":"object","required":["date","name"],"properties":{"date":S("string",format="date"),"name":S("string")}})}},tag="requests")},
"/api/v1/calendar/deadline":{"get":op("A deadline: the end (23:59:59 Asia/Shanghai) of the Nth working day after the starting day, which is not counted","200",{"type":"object","properties":{"from":S("string",format="date-time"),"workingDays":S("integer"),"deadline":S("string",format="date-time"),"deadlineLocalDate":S("string",format="date")}},params=[{"name":"from","in":"query","required":True,"schema":S("string",format="date-time")},{"name":"workingDays","in":"query","required":True,"schema":S("integer",minimum=1,maximum=365)}],tag="requests")},
"/api/v1/api-keys":{"get":op("Open311 API keys (names and state; keys are never shown again)","200",arr(ref("APIKey")),tag="accounts"),
  "post":op("Issue an Open311 API key; the key is in this answer only","201",ref("APIKey"),{"type":"object","additionalProperties":False,"required":["name"],"properties":{"name":S("string",maxLength=100)}},tag="accounts")},
"/api/v1/api-keys/{id}/revoke":{"parameters":[idp],"post":op("Revoke an Open311 API key","200",ref("APIKey"),tag="accounts")},
"/api/v1/visit-plans":{"get":op("Visit plans in scope with how many of their households have been visited","200",arr(ref("VisitPlan")),tag="visits"),
  "post":op("Plan visits: which households (default all of the grid), who visits, by when","201",ref("VisitPlan"),{"type":"object","additionalProperties":False,"required":["gridId","visitorUserId","due"],"properties":{"gridId":S("integer"),"visitorUserId":S("integer"),"due":S("string",format="date"),"householdIds":arr(S("integer"))}},tag="visits")},
"/api/v1/visits":{"post":op("Record a visit; a problem found becomes a request with channel visit in the same step","201",{"type":"object","properties":{"id":S("integer"),"householdID":S("integer"),"at":S("string",format="date-time"),"note":S("string"),"requestID":nullable("integer")}},{"type":"object","additionalProperties":False,"required":["householdId"],"properties":{"householdId":S("integer"),"note":S("string"),"problem":{"type":"object","required":["kind","category","text"],"properties":{"kind":S("string"),"category":S("string"),"text":S("string")}}}},tag="visits")},
"/api/v1/visits/rates":{"get":op("Visit rate per grid for a period: households visited ÷ households","200",arr({"type":"object","properties":{"gridID":S("integer"),"gridName":S("string"),"households":S("integer"),"visitedHouseholds":S("integer"),"visits":S("integer"),"rate":nullable("number"),"problems":S("integer")}}),params=[q("from",S("string"),"first day"),q("to",S("string"),"last day")],tag="visits")},
"/api/v1/notifications":{"get":op("The caller's notifications (newest first), unread count and digest preference","200",ref("Notifications"),tag="requests")},
"/api/v1/notifications/read":{"post":op("Mark all the caller's notifications read","204",tag="requests")},
"/api/v1/me/preferences":{"patch":op("Take notifications as a daily digest (true) or one by one (false)","200",ref("Notifications"),{"type":"object","additionalProperties":False,"required":["digest"],"properties":{"digest":S("boolean")}},tag="accounts")},
"/api/v1/audit":{"get":op("Audit log in scope: who changed what, when, before and after","200",arr(ref("AuditEntry")),params=auditq,tag="audit")},
"/api/v1/access-log":{"get":op("Access log in scope: unmasked reads, refused reads and changes, failed sign-ins","200",arr(ref("AccessEntry")),params=[auditq[0]]+auditq[3:],tag="audit")},
}
grade={"type":"object","required":["level","step"],"properties":{"level":S("integer",minimum=1,maximum=4),"step":S("integer",minimum=1,maximum=3)}}
schemas={
"Error":{"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","message"],"properties":{"code":S("string",description="stable machine code, e.g. not_found, invalid, conflict, payload_too_large"),"message":S("string",description="in the caller's language (Accept-Language: zh-Hans default, en)"),"fields":{"type":"object","additionalProperties":S("string"),"description":"field → problem"}}}}},
"Health":{"type":"object","properties":{"status":S("string",enum=["ok","unavailable"]),"database":S("string")}},
"TokenInput":{"type":"object","additionalProperties":False,"required":["login","password"],"properties":{"login":S("string",description="username or mainland mobile number"),"password":S("string")}},
"Token":{"type":"object","properties":{"token":S("string"),"expiresAt":S("string",format="date-time"),"user":ref("User")}},
"User":{"type":"object","properties":{"id":S("integer"),"username":S("string"),"displayName":S("string"),"role":S("string",enum=roles),"roleLabel":S("string"),"orgNodeID":S("integer"),"orgNodeName":S("string"),"permissions":arr(S("string",enum=perms))}},
"PasswordInput":{"type":"object","additionalProperties":False,"required":["currentPassword","newPassword"],"properties":{"currentPassword":S("string"),"newPassword":S("string",minLength=8,description="8+ characters of at least 3 kinds")}},
"OrgNode":{"type":"object","properties":{"id":S("integer"),"kind":S("string",enum=kinds),"kindLabel":S("string"),"name":S("string"),"code":S("string"),"parentID":nullable("integer"),"path":S("string",description="materialised path, e.g. /1/4/17/"),"depth":S("integer"),"archived":S("boolean"),"mergedIntoID":nullable("integer"),"memberCount":nullable("integer")}},
"OrgNodeDetail":{"type":"object","properties":{"node":ref("OrgNode"),"ancestors":arr(ref("OrgNode")),"children":arr(ref("OrgNode")),"peopleCount":S("integer"),"unitCount":S("integer")}},
"OrgNodeCreate":{"type":"object","additionalProperties":False,"required":["kind","name","parentId"],"properties":{"kind":S("string",enum=kinds),"name":S("string",maxLength=100),"code":S("string",maxLength=40),"parentId":S("integer")}},
"OrgNodeUpdate":{"type":"object","additionalProperties":False,"properties":{"name":S("string",maxLength=100),"code":S("string",maxLength=40)}},
"Person":{"type":"object","properties":{"id":S("integer"),"name":S("string"),"gender":nullable("string"),"idNumber":{"type":["string","null"],"description":"masked (990101********123X) unless unmasked"},"birthDate":nullable("string"),"phone":{"type":["string","null"],"description":"masked (139****5678) unless unmasked"},"address":nullable("string"),"masked":S("boolean"),"facets":arr(S("string",enum=facets)),"facetLabels":arr(S("string")),"orgNodeID":S("integer"),"orgNodeName":nullable("string"),"homeNodeID":nullable("integer"),"inService":S("boolean"),"employer":nullable("string"),"joinedOn":nullable("string"),"memberStatus":{"type":["string","null"],"enum":["full","probationary",None]},"workerGrade":{"oneOf":[grade,{"type":"null"}]},"workerGradeLabel":nullable("string"),"archived":S("boolean")}},
"PersonInput":{"type":"object","additionalProperties":False,"properties":{"name":S("string",maxLength=50),"gender":S("string",enum=["male","female",""]),"idNumber":S("string",description="18-digit mainland ID, checksum verified"),"phone":S("string",description="mainland mobile number"),"address":S("string",maxLength=200),"facets":arr(S("string",enum=facets)),"orgNodeId":S("integer"),"homeNodeId":S("integer",description="home community of an in-service member"),"inService":S("boolean"),"employer":S("string"),"joinedOn":S("string",format="date"),"memberStatus":S("string",enum=["full","probationary"]),"workerGrade":grade}},
"PeoplePage":{"type":"object","properties":{"items":arr(ref("Person")),"total":S("integer"),"page":S("integer"),"pageSize":S("integer")}},
"Unit":{"type":"object","properties":{"id":S("integer"),"name":S("string"),"kind":S("string",enum=unitkinds),"kindLabel":S("string"),"address":nullable("string"),"locationNodeID":S("integer"),"locationName":nullable("string"),"partyOrgNodeID":nullable("integer"),"contactName":nullable("string"),"contactPhone":nullable("string"),"masked":S("boolean"),"archived":S("boolean")}},
"UnitInput":{"type":"object","additionalProperties":False,"properties":{"name":S("string",maxLength=100),"kind":S("string",enum=unitkinds),"address":S("string"),"locationNodeId":S("integer"),"partyOrgNodeId":S("integer"),"contactName":S("string"),"contactPhone":S("string")}},
"AuditEntry":{"type":"object","properties":{"id":S("integer"),"at":S("string",format="date-time"),"actorID":nullable("integer"),"actorName":S("string"),"action":S("string"),"actionLabel":S("string"),"entityType":S("string"),"entityID":S("integer"),"entityLabel":S("string"),"before":{"type":["string","null"],"description":"JSON of the record before"},"after":{"type":["string","null"],"description":"JSON of the record after"}}},
"AccessEntry":{"type":"object","properties":{"id":S("integer"),"at":S("string",format="date-time"),"userID":nullable("integer"),"userName":S("string"),"kind":S("string",enum=["unmaskedRead","outOfScopeRead","forbiddenChange","loginFailed","accountLocked"]),"kindLabel":S("string"),"method":S("string"),"url":S("string"),"detail":S("string")}},
"ImportPreview":{"type":"object","properties":{"batchId":S("integer"),"fileName":S("string"),"encoding":S("string",enum=["utf8","gb18030","wgs84","gcj02"],description="a CSV's text encoding; for GeoJSON the coordinate system the file was in"),"rowCount":S("integer"),"errorCount":S("integer"),"canCommit":S("boolean"),"rows":arr({"type":"object","properties":{"line":S("integer"),"name":S("string"),"orgCode":S("string"),"problems":arr({"type":"object","properties":{"column":nullable("string"),"message":S("string")}})}})}},
"Account":{"type":"object","properties":{"id":S("integer"),"username":S("string"),"displayName":S("string"),"phone":{"type":["string","null"],"description":"masked"},"role":S("string",enum=roles),"roleLabel":S("string"),"orgNodeID":S("integer"),"orgNodeName":nullable("string"),"personID":nullable("integer"),"active":S("boolean"),"locked":S("boolean"),"sharedNodeIDs":arr(S("integer"))}},
"AccountCreate":{"type":"object","additionalProperties":False,"required":["username","displayName","role","orgNodeId","password"],"properties":{"username":S("string",pattern="^[A-Za-z0-9._-]{3,40}$"),"displayName":S("string",maxLength=50),"phone":S("string"),"role":S("string",enum=roles),"orgNodeId":S("integer"),"personId":S("integer"),"password":S("string",minLength=8)}},
"AccountUpdate":{"type":"object","additionalProperties":False,"properties":{"displayName":S("string",maxLength=50),"phone":S("string"),"role":S("string",enum=roles),"orgNodeId":S("integer"),"active":S("boolean")}},
"Named":{"type":"object","properties":{"id":S("integer"),"name":S("string"),"code":nullable("string")}},
"Located":{"type":"object","properties":{"grid":ref("Named"),"community":{"oneOf":[ref("Named"),{"type":"null"}]},"street":{"oneOf":[ref("Named"),{"type":"null"}]},"inside":S("boolean"),"distanceMetres":S("number")}},
"Figures":{"type":"object","properties":{"households":S("integer"),"population":S("integer"),"memberHouseholds":S("integer"),"partyMembers":S("integer"),"gridWorkers":S("integer")}},
"Grid":{"type":"object","properties":{"id":S("integer"),"code":S("string"),"name":S("string"),"communityNodeID":S("integer"),"communityName":nullable("string"),"branchNodeID":nullable("integer"),"figures":ref("Figures"),"flags":arr(S("string",enum=["fewHouseholds","manyHouseholds","populationOff"])),"flagLabels":arr(S("string"))}},
"PersonRef":{"type":"object","properties":{"dutyID":S("integer",description="the assignment, for DELETE /grids/{id}/duties/{duty}"),"personID":S("integer"),"name":S("string"),"duty":S("string",enum=["gridWorker","laneChief","buildingChief","buildingGroupLeader"]),"dutyLabel":S("string"),"groupNodeID":nullable("integer")}},
"Contact":{"type":"object","properties":{"id":S("integer"),"leaderPersonID":S("integer"),"leaderName":S("string"),"title":S("string"),"communityNodeID":nullable("integer"),"gridID":nullable("integer"),"since":S("string")}},
"GridDetail":{"type":"object","properties":{"grid":ref("Grid"),"boundary":S("string",description="GeoJSON geometry"),"staff":arr(ref("PersonRef")),"departments":arr({"type":"object","properties":{"unitID":S("integer"),"name":S("string"),"role":S("string",enum=["police","cityManagement","safety","legal","other"]),"roleLabel":S("string")}}),"contacts":arr(ref("Contact")),"buildings":arr(ref("Building"))}},
"Household":{"type":"object","properties":{"id":S("integer"),"buildingID":S("integer"),"buildingName":nullable("string"),"gridID":S("integer"),"room":S("string"),"population":S("integer"),"isMemberHousehold":S("boolean"),"memberName":{"type":["string","null"],"description":"masked"},"linkedBy":arr(S("integer")),"links":arr(S("integer"))}},
"HouseholdDetail":{"type":"object","properties":{"household":ref("Household"),"residents":arr(ref("Person")),"buildingGroup":{"oneOf":[ref("Named"),{"type":"null"}]},"groupLeader":{"oneOf":[ref("PersonRef"),{"type":"null"}]},"memberHouseholds":arr(ref("Household")),"linkedHouseholds":arr(ref("Household"))}},
"Nearby":{"type":"object","properties":{"grid":{"oneOf":[ref("Named"),{"type":"null"}]},"memberHouseholds":arr({"type":"object","properties":{"gridName":S("string"),"building":S("string"),"room":nullable("string"),"name":nullable("string"),"agreed":S("boolean")}}),"staff":arr(ref("PersonRef"))}},
"ServiceRequest":{"type":"object","properties":{"id":S("integer"),"number":S("string"),"kind":S("string",enum=["consultation","help","complaint","report","suggestion"]),"kindLabel":S("string"),"category":S("string"),"categoryLabel":S("string"),"text":S("string"),"lat":nullable("number"),"lng":nullable("number"),"gridID":S("integer"),"gridName":nullable("string"),"communityName":nullable("string"),"channel":S("string",enum=["app","visit","hotline","patrol","walkIn","open311"]),"isPublic":S("boolean"),"state":S("string",enum=STATES),"stateLabel":S("string"),"level":S("integer",description="0 community, 1 street, 2 district"),"levelLabel":S("string"),"stepDeadline":{"type":["string","null"],"format":"date-time"},"overdue":S("boolean"),"supervised":S("boolean"),"rating":{"type":["string","null"],"enum":["satisfied","basicallySatisfied","unsatisfied",None]},"unrated":S("boolean"),"reopenCount":S("integer"),"mergedIntoID":nullable("integer"),"raisedAt":S("string",format="date-time"),"mine":S("boolean")}},
"RequestDetail":{"type":"object","properties":{"request":ref("ServiceRequest"),"events":arr({"type":"object","properties":{"id":S("integer"),"at":S("string",format="date-time"),"actorName":S("string"),"action":S("string",enum=["raise"]+ACTIONS+["closeUnrated"]),"actionLabel":S("string"),"fromState":{"type":["string","null"]},"toState":S("string",enum=STATES),"note":S("string"),"deadline":{"type":["string","null"],"format":"date-time"},"workingDays":nullable("integer")}}),"assignments":arr({"type":"object","properties":{"unitID":S("integer"),"unitName":S("string"),"status":S("string",enum=["pending","accepted","returned","completed","withdrawn"]),"deadline":S("string",format="date-time")}}),"allowedActions":arr(S("string",enum=ACTIONS)),"photos":arr({"type":"object","properties":{"id":S("integer"),"eventID":nullable("integer"),"url":S("string")}})}},
"RaiseInput":{"type":"object","additionalProperties":False,"required":["kind","category","text"],"properties":{"kind":S("string",enum=["consultation","help","complaint","report","suggestion"]),"category":S("string"),"text":S("string",maxLength=2000),"lat":S("number"),"lng":S("number"),"householdId":S("integer"),"gridId":S("integer",description="staff only"),"isPublic":S("boolean"),"channel":S("string",enum=["visit","hotline","patrol","walkIn"]),"reporterPersonId":S("integer")}},
"ActionInput":{"type":"object","additionalProperties":False,"properties":{"note":S("string",maxLength=2000),"unitIds":arr(S("integer")),"workingDays":S("integer",minimum=1,maximum=60),"rating":S("string",enum=["satisfied","basicallySatisfied","unsatisfied"]),"meetingId":S("integer"),"mergeInto":S("integer")}},
"Meeting":{"type":"object","properties":{"id":S("integer"),"communityNodeID":S("integer"),"date":S("string",format="date"),"host":S("string"),"attendees":S("string"),"agenda":arr(ref("ServiceRequest"))}},
"APIKey":{"type":"object","properties":{"id":S("integer"),"name":S("string"),"active":S("boolean"),"createdAt":{"type":["string","null"],"format":"date-time"},"key":{"type":["string","null"],"description":"only when issued"}}},
"AreaFigures":{"type":"object","properties":{"name":S("string"),"nodeID":nullable("integer"),"gridID":nullable("integer"),"figures":{"type":"object","properties":{"counts":{"type":"object","additionalProperties":S("integer")},"responseRate":nullable("number"),"resolutionRate":nullable("number"),"onTimeRate":nullable("number"),"satisfactionRate":nullable("number"),"averageStepDays":arr({"type":["number","null"]})}}}},
"Notifications":{"type":"object","properties":{"unread":S("integer"),"digest":S("boolean"),"items":arr({"type":"object","properties":{"id":S("integer"),"requestID":S("integer"),"number":S("string"),"action":S("string",enum=["raise"]+ACTIONS+["closeUnrated"]),"text":S("string"),"at":S("string",format="date-time"),"read":S("boolean")}})}},
"CalendarYear":{"type":"object","properties":{"year":S("integer"),"source":S("string"),"daysOff":arr({"type":"object","properties":{"date":S("string",format="date"),"kind":S("string"),"name":S("string")}}),"workingWeekends":arr({"type":"object","properties":{"date":S("string",format="date"),"kind":S("string"),"name":S("string")}})}},
"Category":{"type":"object","properties":{"code":S("string"),"name":S("string"),"directDispatch":S("boolean"),"responseDays":S("integer"),"reviewDays":S("integer"),"handlingDays":S("integer")}},
"PublicRequest":{"type":"object","description":"a request as anyone in the community may see it: no personal data, no ids","properties":{"number":S("string"),"categoryLabel":S("string"),"text":S("string"),"gridName":nullable("string"),"state":S("string",enum=STATES),"stateLabel":S("string"),"raisedAt":S("string",format="date-time"),"events":arr({"type":"object","properties":{"at":S("string",format="date-time"),"actionLabel":S("string"),"toState":S("string",enum=STATES)}})}},
"VisitPlan":{"type":"object","properties":{"id":S("integer"),"gridID":S("integer"),"visitorUserID":S("integer"),"due":S("string",format="date"),"households":S("integer"),"visited":S("integer")}},
"Building":{"type":"object","properties":{"id":S("integer"),"name":S("string"),"address":S("string"),"households":S("integer"),"groupNodeID":nullable("integer")}},
"ImportResult":{"type":"object","properties":{"batchId":S("integer"),"created":S("integer")}},
}
# What the server answers is described exactly: every property of an answer that is not nullable is
# required (the server leaves out only null values), so a client knows what it can rely on, and the
# Schemathesis run in scripts/test checks it on every answer.
def nullable_schema(x):
    t=x.get("type")
    return (isinstance(t,list) and "null" in t) or any(o.get("type")=="null" for o in x.get("oneOf",[]))
def answer(x):
    if isinstance(x,list): return [answer(i) for i in x]
    if not isinstance(x,dict): return x
    x={k:answer(v) for k,v in x.items()}
    if x.get("type")=="object" and "properties" in x and "required" not in x:
        x["required"]=[k for k,v in x["properties"].items() if not nullable_schema(v)]
    return x
def refs(x,found):
    if isinstance(x,list):
        for i in x: refs(i,found)
    elif isinstance(x,dict):
        r=x.get("$ref","")
        if r.startswith("#/components/schemas/") and r.split("/")[-1] not in found:
            found.add(r.split("/")[-1]); refs(schemas[r.split("/")[-1]],found)
        for v in x.values(): refs(v,found)
answers,inputs=set(),set()
for item in paths.values():
    for m,o in item.items():
        if m=="parameters": continue
        for code,r in o["responses"].items():
            for c in r.get("content",{}).values():
                c["schema"]=answer(c["schema"]); refs(c["schema"],answers)
        refs(o.get("requestBody",{}),inputs); refs(o.get("parameters",[]),inputs)
assert not answers&inputs, answers&inputs
for n in answers: schemas[n]=answer(schemas[n])
def resp(d): return {"description":d,"content":{"application/json":{"schema":ref("Error")}}}
doc={"openapi":"3.1.0","info":{"title":"Gongzhi 共治 API","version":"1.0.0","description":"JSON API of Gongzhi, a platform for party-building-led urban grassroots governance. Every call sees only the caller's node of the organisation tree and below, plus what is shared with them; personal data is masked unless the caller may unmask it, and every unmasked read is logged. Errors are {\"error\": {\"code\", \"message\"}} with a 4xx status; messages follow Accept-Language (zh-Hans by default, en)."},
"servers":[{"url":"/"}],"security":[{"bearer":[]}],"paths":paths,
"components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer","description":"Token from POST /api/v1/auth/token; ends after 30 idle minutes"}},
"responses":{"BadRequest":resp("Malformed JSON, unknown fields or enum values, bad IDs or query parameters"),"Unauthorized":resp("No valid bearer token"),"Forbidden":resp("Not permitted, or outside the caller's scope (logged)"),"NotFound":resp("No such record in the caller's scope (out-of-scope reads are logged)"),"Conflict":resp("Clashes with the current state or an existing record"),"TooLarge":resp("Body larger than allowed (1 MB; 10 MB for imports)"),"UnsupportedMediaType":resp("The body is not sent as JSON (Content-Type: application/json)"),"Locked":resp("Too many failed sign-ins: the account is locked for 15 minutes"),"Invalid":resp("Well-formed but breaks a rule; fields names each problem")},
"schemas":schemas}}
import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources', 'Gongzhi', 'Resources', 'openapi.json')
json.dump(doc, open(out, 'w'), ensure_ascii=False, indent=2)
print(len(paths))

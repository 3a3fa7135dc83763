/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Boolean = $util.global.Boolean, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tessera = $root.tessera = (() => {

    const tessera = {};

    tessera.v1 = (function() {

        const v1 = {};

        v1.JobService = (function() {

            const JobService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(JobService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: JobService, writable: true, enumerable: false, configurable: true });

            JobService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(JobService.prototype.submit = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, JobService.prototype.submit, $root.tessera.v1.SubmitRequest, $root.tessera.v1.SubmitResponse, request, callback);
            }, {
                name: { value: "Submit" },
                path: { value: "/tessera.v1.JobService/Submit" },
                requestType: { value: "SubmitRequest" },
                responseType: { value: "SubmitResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(JobService.prototype.get = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, JobService.prototype.get, $root.tessera.v1.GetJobRequest, $root.tessera.v1.Job, request, callback);
            }, {
                name: { value: "Get" },
                path: { value: "/tessera.v1.JobService/Get" },
                requestType: { value: "GetJobRequest" },
                responseType: { value: "Job" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(JobService.prototype.list = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, JobService.prototype.list, $root.tessera.v1.ListJobsRequest, $root.tessera.v1.ListJobsResponse, request, callback);
            }, {
                name: { value: "List" },
                path: { value: "/tessera.v1.JobService/List" },
                requestType: { value: "ListJobsRequest" },
                responseType: { value: "ListJobsResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(JobService.prototype.cancel = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, JobService.prototype.cancel, $root.tessera.v1.CancelJobRequest, $root.tessera.v1.Job, request, callback);
            }, {
                name: { value: "Cancel" },
                path: { value: "/tessera.v1.JobService/Cancel" },
                requestType: { value: "CancelJobRequest" },
                responseType: { value: "Job" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(JobService.prototype.watch = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, JobService.prototype.watch, $root.tessera.v1.WatchJobsRequest, $root.tessera.v1.JobEvent, request, callback);
            }, {
                name: { value: "Watch" },
                path: { value: "/tessera.v1.JobService/Watch" },
                requestType: { value: "WatchJobsRequest" },
                responseType: { value: "JobEvent" },
                requestStream: { value: $undefined },
                responseStream: { value: true }
            });



            $Object.defineProperties(JobService.prototype.logs = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, JobService.prototype.logs, $root.tessera.v1.LogsRequest, $root.tessera.v1.LogChunk, request, callback);
            }, {
                name: { value: "Logs" },
                path: { value: "/tessera.v1.JobService/Logs" },
                requestType: { value: "LogsRequest" },
                responseType: { value: "LogChunk" },
                requestStream: { value: $undefined },
                responseStream: { value: true }
            });

            return JobService;
        })();

        v1.LogsRequest = (function() {

            const LogsRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogsRequest.prototype.id = "";
            LogsRequest.prototype.follow = false;
            LogsRequest.prototype.rank = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LogsRequest.prototype, "_rank", {
                get: $util.oneOfGetter($oneOfFields = ["rank"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            LogsRequest.create = function(properties) {
                return new LogsRequest(properties);
            };

            LogsRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(10).string(m.id);
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow") && m.follow !== false)
                    w.uint32(16).bool(m.follow);
                if (m.rank != null && $Object.hasOwnProperty.call(m, "rank"))
                    w.uint32(24).uint32(m.rank);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            LogsRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.LogsRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.follow = v;
                            else
                                delete m.follow;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.rank = r.uint32();
                            m._rank = "rank";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            LogsRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.LogsRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.LogsRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.LogsRequest();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.follow != null) {
                    if (d.follow) {
                        m.follow = $Boolean(d.follow);
                    }
                }
                if (d.rank != null) {
                    m.rank = d.rank >>> 0;
                }
                return m;
            };

            LogsRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                    d.follow = false;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow")) {
                    d.follow = m.follow;
                }
                if (m.rank != null && $Object.hasOwnProperty.call(m, "rank")) {
                    d.rank = m.rank;
                }
                return d;
            };

            LogsRequest.prototype.toJSON = function() {
                return LogsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LogsRequest;
        })();

        v1.LogChunk = (function() {

            const LogChunk = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogChunk.prototype.data = $util.newBuffer([]);

            LogChunk.create = function(properties) {
                return new LogChunk(properties);
            };

            LogChunk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(10).bytes(m.data);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            LogChunk.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.LogChunk();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            LogChunk.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.LogChunk)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.LogChunk: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.LogChunk();
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                return m;
            };

            LogChunk.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                return d;
            };

            LogChunk.prototype.toJSON = function() {
                return LogChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LogChunk;
        })();

        v1.MigRequest = (function() {

            const MigRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MigRequest.prototype.profile = "";

            MigRequest.create = function(properties) {
                return new MigRequest(properties);
            };

            MigRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile") && m.profile !== "")
                    w.uint32(10).string(m.profile);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MigRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.MigRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.profile = v;
                            else
                                delete m.profile;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MigRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.MigRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.MigRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.MigRequest();
                if (d.profile != null) {
                    if (typeof d.profile !== "string" || d.profile.length) {
                        m.profile = $String(d.profile);
                    }
                }
                return m;
            };

            MigRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.profile = "";
                }
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile")) {
                    d.profile = m.profile;
                }
                return d;
            };

            MigRequest.prototype.toJSON = function() {
                return MigRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MigRequest;
        })();

        v1.SliceRequest = (function() {

            const SliceRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SliceRequest.prototype.memoryMib = 0;
            SliceRequest.prototype.computeSevenths = 0;

            SliceRequest.create = function(properties) {
                return new SliceRequest(properties);
            };

            SliceRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(8).int32(m.memoryMib);
                if (m.computeSevenths != null && $Object.hasOwnProperty.call(m, "computeSevenths") && m.computeSevenths !== 0)
                    w.uint32(16).int32(m.computeSevenths);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SliceRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SliceRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.computeSevenths = v;
                            else
                                delete m.computeSevenths;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SliceRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.SliceRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.SliceRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.SliceRequest();
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib | 0;
                    }
                }
                if (d.computeSevenths != null) {
                    if ($Number(d.computeSevenths) !== 0) {
                        m.computeSevenths = d.computeSevenths | 0;
                    }
                }
                return m;
            };

            SliceRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.memoryMib = 0;
                    d.computeSevenths = 0;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.computeSevenths != null && $Object.hasOwnProperty.call(m, "computeSevenths")) {
                    d.computeSevenths = m.computeSevenths;
                }
                return d;
            };

            SliceRequest.prototype.toJSON = function() {
                return SliceRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SliceRequest;
        })();

        v1.ShareRequest = (function() {

            const ShareRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ShareRequest.prototype.gpuMilli = 0;
            ShareRequest.prototype.memoryMib = 0;

            ShareRequest.create = function(properties) {
                return new ShareRequest(properties);
            };

            ShareRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.gpuMilli != null && $Object.hasOwnProperty.call(m, "gpuMilli") && m.gpuMilli !== 0)
                    w.uint32(8).int32(m.gpuMilli);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(16).int32(m.memoryMib);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ShareRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ShareRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.gpuMilli = v;
                            else
                                delete m.gpuMilli;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ShareRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ShareRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ShareRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ShareRequest();
                if (d.gpuMilli != null) {
                    if ($Number(d.gpuMilli) !== 0) {
                        m.gpuMilli = d.gpuMilli | 0;
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib | 0;
                    }
                }
                return m;
            };

            ShareRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.gpuMilli = 0;
                    d.memoryMib = 0;
                }
                if (m.gpuMilli != null && $Object.hasOwnProperty.call(m, "gpuMilli")) {
                    d.gpuMilli = m.gpuMilli;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                return d;
            };

            ShareRequest.prototype.toJSON = function() {
                return ShareRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ShareRequest;
        })();

        v1.WholeRequest = (function() {

            const WholeRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            WholeRequest.prototype.gpus = 0;
            WholeRequest.prototype.requireNvlink = false;

            WholeRequest.create = function(properties) {
                return new WholeRequest(properties);
            };

            WholeRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.gpus != null && $Object.hasOwnProperty.call(m, "gpus") && m.gpus !== 0)
                    w.uint32(8).int32(m.gpus);
                if (m.requireNvlink != null && $Object.hasOwnProperty.call(m, "requireNvlink") && m.requireNvlink !== false)
                    w.uint32(16).bool(m.requireNvlink);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            WholeRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.WholeRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.gpus = v;
                            else
                                delete m.gpus;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.requireNvlink = v;
                            else
                                delete m.requireNvlink;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            WholeRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.WholeRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.WholeRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.WholeRequest();
                if (d.gpus != null) {
                    if ($Number(d.gpus) !== 0) {
                        m.gpus = d.gpus | 0;
                    }
                }
                if (d.requireNvlink != null) {
                    if (d.requireNvlink) {
                        m.requireNvlink = $Boolean(d.requireNvlink);
                    }
                }
                return m;
            };

            WholeRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.gpus = 0;
                    d.requireNvlink = false;
                }
                if (m.gpus != null && $Object.hasOwnProperty.call(m, "gpus")) {
                    d.gpus = m.gpus;
                }
                if (m.requireNvlink != null && $Object.hasOwnProperty.call(m, "requireNvlink")) {
                    d.requireNvlink = m.requireNvlink;
                }
                return d;
            };

            WholeRequest.prototype.toJSON = function() {
                return WholeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WholeRequest;
        })();

        v1.GangRequest = (function() {

            const GangRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GangRequest.prototype.nodes = 0;
            GangRequest.prototype.gpusPerNode = 0;
            GangRequest.prototype.mixedModels = false;

            GangRequest.create = function(properties) {
                return new GangRequest(properties);
            };

            GangRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodes != null && $Object.hasOwnProperty.call(m, "nodes") && m.nodes !== 0)
                    w.uint32(8).int32(m.nodes);
                if (m.gpusPerNode != null && $Object.hasOwnProperty.call(m, "gpusPerNode") && m.gpusPerNode !== 0)
                    w.uint32(16).int32(m.gpusPerNode);
                if (m.mixedModels != null && $Object.hasOwnProperty.call(m, "mixedModels") && m.mixedModels !== false)
                    w.uint32(24).bool(m.mixedModels);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GangRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GangRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.nodes = v;
                            else
                                delete m.nodes;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.gpusPerNode = v;
                            else
                                delete m.gpusPerNode;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.mixedModels = v;
                            else
                                delete m.mixedModels;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GangRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GangRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GangRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GangRequest();
                if (d.nodes != null) {
                    if ($Number(d.nodes) !== 0) {
                        m.nodes = d.nodes | 0;
                    }
                }
                if (d.gpusPerNode != null) {
                    if ($Number(d.gpusPerNode) !== 0) {
                        m.gpusPerNode = d.gpusPerNode | 0;
                    }
                }
                if (d.mixedModels != null) {
                    if (d.mixedModels) {
                        m.mixedModels = $Boolean(d.mixedModels);
                    }
                }
                return m;
            };

            GangRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.nodes = 0;
                    d.gpusPerNode = 0;
                    d.mixedModels = false;
                }
                if (m.nodes != null && $Object.hasOwnProperty.call(m, "nodes")) {
                    d.nodes = m.nodes;
                }
                if (m.gpusPerNode != null && $Object.hasOwnProperty.call(m, "gpusPerNode")) {
                    d.gpusPerNode = m.gpusPerNode;
                }
                if (m.mixedModels != null && $Object.hasOwnProperty.call(m, "mixedModels")) {
                    d.mixedModels = m.mixedModels;
                }
                return d;
            };

            GangRequest.prototype.toJSON = function() {
                return GangRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GangRequest;
        })();

        v1.NoGpuRequest = (function() {

            const NoGpuRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            NoGpuRequest.create = function(properties) {
                return new NoGpuRequest(properties);
            };

            NoGpuRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            NoGpuRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.NoGpuRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            NoGpuRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.NoGpuRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.NoGpuRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.NoGpuRequest();
            };

            NoGpuRequest.toObject = function () {
                return {};
            };

            NoGpuRequest.prototype.toJSON = function() {
                return NoGpuRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NoGpuRequest;
        })();

        v1.ResourceRequest = (function() {

            const ResourceRequest = function (p) {
                this.models = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ResourceRequest.prototype.mig = null;
            ResourceRequest.prototype.slice = null;
            ResourceRequest.prototype.share = null;
            ResourceRequest.prototype.whole = null;
            ResourceRequest.prototype.gang = null;
            ResourceRequest.prototype.noGpu = null;
            ResourceRequest.prototype.models = $util.emptyArray;
            ResourceRequest.prototype.cpuMillis = 0;
            ResourceRequest.prototype.memoryMib = 0;

            let $oneOfFields;

            $Object.defineProperty(ResourceRequest.prototype, "shape", {
                get: $util.oneOfGetter($oneOfFields = ["mig", "slice", "share", "whole", "gang", "noGpu"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ResourceRequest.create = function(properties) {
                return new ResourceRequest(properties);
            };

            ResourceRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.mig != null && $Object.hasOwnProperty.call(m, "mig"))
                    $root.tessera.v1.MigRequest.encode(m.mig, w.uint32(10).fork(), q + 1).ldelim();
                if (m.slice != null && $Object.hasOwnProperty.call(m, "slice"))
                    $root.tessera.v1.SliceRequest.encode(m.slice, w.uint32(18).fork(), q + 1).ldelim();
                if (m.share != null && $Object.hasOwnProperty.call(m, "share"))
                    $root.tessera.v1.ShareRequest.encode(m.share, w.uint32(26).fork(), q + 1).ldelim();
                if (m.whole != null && $Object.hasOwnProperty.call(m, "whole"))
                    $root.tessera.v1.WholeRequest.encode(m.whole, w.uint32(34).fork(), q + 1).ldelim();
                if (m.gang != null && $Object.hasOwnProperty.call(m, "gang"))
                    $root.tessera.v1.GangRequest.encode(m.gang, w.uint32(42).fork(), q + 1).ldelim();
                if (m.noGpu != null && $Object.hasOwnProperty.call(m, "noGpu"))
                    $root.tessera.v1.NoGpuRequest.encode(m.noGpu, w.uint32(50).fork(), q + 1).ldelim();
                if (m.models != null && m.models.length) {
                    for (var i = 0; i < m.models.length; ++i)
                        w.uint32(82).string(m.models[i]);
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis") && m.cpuMillis !== 0)
                    w.uint32(88).int32(m.cpuMillis);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(96).int32(m.memoryMib);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ResourceRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ResourceRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.mig = $root.tessera.v1.MigRequest.decode(r, r.size(), $undefined, q + 1, m.mig);
                            m.shape = "mig";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.slice = $root.tessera.v1.SliceRequest.decode(r, r.size(), $undefined, q + 1, m.slice);
                            m.shape = "slice";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.share = $root.tessera.v1.ShareRequest.decode(r, r.size(), $undefined, q + 1, m.share);
                            m.shape = "share";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.whole = $root.tessera.v1.WholeRequest.decode(r, r.size(), $undefined, q + 1, m.whole);
                            m.shape = "whole";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.gang = $root.tessera.v1.GangRequest.decode(r, r.size(), $undefined, q + 1, m.gang);
                            m.shape = "gang";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.noGpu = $root.tessera.v1.NoGpuRequest.decode(r, r.size(), $undefined, q + 1, m.noGpu);
                            m.shape = "noGpu";
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if (!(m.models && m.models.length))
                                m.models = [];
                            m.models.push(r.stringVerify());
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.cpuMillis = v;
                            else
                                delete m.cpuMillis;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ResourceRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ResourceRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ResourceRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ResourceRequest();
                if (d.mig != null) {
                    if (!$util.isObject(d.mig))
                        throw $TypeError(".tessera.v1.ResourceRequest.mig: object expected");
                    m.mig = $root.tessera.v1.MigRequest.fromObject(d.mig, q + 1);
                }
                if (d.slice != null) {
                    if (!$util.isObject(d.slice))
                        throw $TypeError(".tessera.v1.ResourceRequest.slice: object expected");
                    m.slice = $root.tessera.v1.SliceRequest.fromObject(d.slice, q + 1);
                }
                if (d.share != null) {
                    if (!$util.isObject(d.share))
                        throw $TypeError(".tessera.v1.ResourceRequest.share: object expected");
                    m.share = $root.tessera.v1.ShareRequest.fromObject(d.share, q + 1);
                }
                if (d.whole != null) {
                    if (!$util.isObject(d.whole))
                        throw $TypeError(".tessera.v1.ResourceRequest.whole: object expected");
                    m.whole = $root.tessera.v1.WholeRequest.fromObject(d.whole, q + 1);
                }
                if (d.gang != null) {
                    if (!$util.isObject(d.gang))
                        throw $TypeError(".tessera.v1.ResourceRequest.gang: object expected");
                    m.gang = $root.tessera.v1.GangRequest.fromObject(d.gang, q + 1);
                }
                if (d.noGpu != null) {
                    if (!$util.isObject(d.noGpu))
                        throw $TypeError(".tessera.v1.ResourceRequest.noGpu: object expected");
                    m.noGpu = $root.tessera.v1.NoGpuRequest.fromObject(d.noGpu, q + 1);
                }
                if (d.models) {
                    if (!$Array.isArray(d.models))
                        throw $TypeError(".tessera.v1.ResourceRequest.models: array expected");
                    m.models = $Array(d.models.length);
                    for (var i = 0; i < d.models.length; ++i) {
                        m.models[i] = $String(d.models[i]);
                    }
                }
                if (d.cpuMillis != null) {
                    if ($Number(d.cpuMillis) !== 0) {
                        m.cpuMillis = d.cpuMillis | 0;
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib | 0;
                    }
                }
                return m;
            };

            ResourceRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.models = [];
                }
                if (o.defaults) {
                    d.cpuMillis = 0;
                    d.memoryMib = 0;
                }
                if (m.mig != null && $Object.hasOwnProperty.call(m, "mig")) {
                    d.mig = $root.tessera.v1.MigRequest.toObject(m.mig, o, q + 1);
                    if (o.oneofs)
                        d.shape = "mig";
                }
                if (m.slice != null && $Object.hasOwnProperty.call(m, "slice")) {
                    d.slice = $root.tessera.v1.SliceRequest.toObject(m.slice, o, q + 1);
                    if (o.oneofs)
                        d.shape = "slice";
                }
                if (m.share != null && $Object.hasOwnProperty.call(m, "share")) {
                    d.share = $root.tessera.v1.ShareRequest.toObject(m.share, o, q + 1);
                    if (o.oneofs)
                        d.shape = "share";
                }
                if (m.whole != null && $Object.hasOwnProperty.call(m, "whole")) {
                    d.whole = $root.tessera.v1.WholeRequest.toObject(m.whole, o, q + 1);
                    if (o.oneofs)
                        d.shape = "whole";
                }
                if (m.gang != null && $Object.hasOwnProperty.call(m, "gang")) {
                    d.gang = $root.tessera.v1.GangRequest.toObject(m.gang, o, q + 1);
                    if (o.oneofs)
                        d.shape = "gang";
                }
                if (m.noGpu != null && $Object.hasOwnProperty.call(m, "noGpu")) {
                    d.noGpu = $root.tessera.v1.NoGpuRequest.toObject(m.noGpu, o, q + 1);
                    if (o.oneofs)
                        d.shape = "noGpu";
                }
                if (m.models && m.models.length) {
                    d.models = $Array(m.models.length);
                    for (var j = 0; j < m.models.length; ++j) {
                        d.models[j] = m.models[j];
                    }
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis")) {
                    d.cpuMillis = m.cpuMillis;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                return d;
            };

            ResourceRequest.prototype.toJSON = function() {
                return ResourceRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ResourceRequest;
        })();

        v1.JobSpec = (function() {

            const JobSpec = function (p) {
                this.command = [];
                this.env = {};
                this.mounts = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobSpec.prototype.name = "";
            JobSpec.prototype.tenant = "";
            JobSpec.prototype.priority = 0;
            JobSpec.prototype.kind = "";
            JobSpec.prototype.request = null;
            JobSpec.prototype.command = $util.emptyArray;
            JobSpec.prototype.env = $util.emptyObject;
            JobSpec.prototype.workdir = "";
            JobSpec.prototype.queue = "";
            JobSpec.prototype.priorityClass = "";
            JobSpec.prototype.preemptible = false;
            JobSpec.prototype.requeueOnPreemption = false;
            JobSpec.prototype.maxRuntimeSeconds = 0;
            JobSpec.prototype.image = "";
            JobSpec.prototype.mounts = $util.emptyArray;

            JobSpec.create = function(properties) {
                return new JobSpec(properties);
            };

            JobSpec.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.tenant != null && $Object.hasOwnProperty.call(m, "tenant") && m.tenant !== "")
                    w.uint32(18).string(m.tenant);
                if (m.priority != null && $Object.hasOwnProperty.call(m, "priority") && m.priority !== 0)
                    w.uint32(24).int32(m.priority);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(34).string(m.kind);
                if (m.request != null && $Object.hasOwnProperty.call(m, "request"))
                    $root.tessera.v1.ResourceRequest.encode(m.request, w.uint32(42).fork(), q + 1).ldelim();
                if (m.command != null && m.command.length) {
                    for (var i = 0; i < m.command.length; ++i)
                        w.uint32(50).string(m.command[i]);
                }
                if (m.env != null && $Object.hasOwnProperty.call(m, "env")) {
                    for (var ks = $Object.keys(m.env), i = 0; i < ks.length; ++i) {
                        w.uint32(58).fork().uint32(10).string(ks[i]).uint32(18).string(m.env[ks[i]]).ldelim();
                    }
                }
                if (m.workdir != null && $Object.hasOwnProperty.call(m, "workdir") && m.workdir !== "")
                    w.uint32(66).string(m.workdir);
                if (m.queue != null && $Object.hasOwnProperty.call(m, "queue") && m.queue !== "")
                    w.uint32(74).string(m.queue);
                if (m.priorityClass != null && $Object.hasOwnProperty.call(m, "priorityClass") && m.priorityClass !== "")
                    w.uint32(82).string(m.priorityClass);
                if (m.preemptible != null && $Object.hasOwnProperty.call(m, "preemptible") && m.preemptible !== false)
                    w.uint32(88).bool(m.preemptible);
                if (m.requeueOnPreemption != null && $Object.hasOwnProperty.call(m, "requeueOnPreemption") && m.requeueOnPreemption !== false)
                    w.uint32(96).bool(m.requeueOnPreemption);
                if (m.maxRuntimeSeconds != null && $Object.hasOwnProperty.call(m, "maxRuntimeSeconds") && m.maxRuntimeSeconds !== 0)
                    w.uint32(104).int32(m.maxRuntimeSeconds);
                if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                    w.uint32(114).string(m.image);
                if (m.mounts != null && m.mounts.length) {
                    for (var i = 0; i < m.mounts.length; ++i)
                        $root.tessera.v1.ContainerMount.encode(m.mounts[i], w.uint32(122).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobSpec.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobSpec();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tenant = v;
                            else
                                delete m.tenant;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.priority = v;
                            else
                                delete m.priority;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.request = $root.tessera.v1.ResourceRequest.decode(r, r.size(), $undefined, q + 1, m.request);
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.command && m.command.length))
                                m.command = [];
                            m.command.push(r.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (m.env === $util.emptyObject)
                                m.env = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.env, k);
                            m.env[k] = v;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.workdir = v;
                            else
                                delete m.workdir;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.queue = v;
                            else
                                delete m.queue;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.priorityClass = v;
                            else
                                delete m.priorityClass;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.preemptible = v;
                            else
                                delete m.preemptible;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.requeueOnPreemption = v;
                            else
                                delete m.requeueOnPreemption;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.maxRuntimeSeconds = v;
                            else
                                delete m.maxRuntimeSeconds;
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.image = v;
                            else
                                delete m.image;
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if (!(m.mounts && m.mounts.length))
                                m.mounts = [];
                            m.mounts.push($root.tessera.v1.ContainerMount.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobSpec.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobSpec)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobSpec: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobSpec();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.tenant != null) {
                    if (typeof d.tenant !== "string" || d.tenant.length) {
                        m.tenant = $String(d.tenant);
                    }
                }
                if (d.priority != null) {
                    if ($Number(d.priority) !== 0) {
                        m.priority = d.priority | 0;
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.request != null) {
                    if (!$util.isObject(d.request))
                        throw $TypeError(".tessera.v1.JobSpec.request: object expected");
                    m.request = $root.tessera.v1.ResourceRequest.fromObject(d.request, q + 1);
                }
                if (d.command) {
                    if (!$Array.isArray(d.command))
                        throw $TypeError(".tessera.v1.JobSpec.command: array expected");
                    m.command = $Array(d.command.length);
                    for (var i = 0; i < d.command.length; ++i) {
                        m.command[i] = $String(d.command[i]);
                    }
                }
                if (d.env) {
                    if (!$util.isObject(d.env))
                        throw $TypeError(".tessera.v1.JobSpec.env: object expected");
                    m.env = {};
                    for (var ks = $Object.keys(d.env), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.env, ks[i]);
                        m.env[ks[i]] = $String(d.env[ks[i]]);
                    }
                }
                if (d.workdir != null) {
                    if (typeof d.workdir !== "string" || d.workdir.length) {
                        m.workdir = $String(d.workdir);
                    }
                }
                if (d.queue != null) {
                    if (typeof d.queue !== "string" || d.queue.length) {
                        m.queue = $String(d.queue);
                    }
                }
                if (d.priorityClass != null) {
                    if (typeof d.priorityClass !== "string" || d.priorityClass.length) {
                        m.priorityClass = $String(d.priorityClass);
                    }
                }
                if (d.preemptible != null) {
                    if (d.preemptible) {
                        m.preemptible = $Boolean(d.preemptible);
                    }
                }
                if (d.requeueOnPreemption != null) {
                    if (d.requeueOnPreemption) {
                        m.requeueOnPreemption = $Boolean(d.requeueOnPreemption);
                    }
                }
                if (d.maxRuntimeSeconds != null) {
                    if ($Number(d.maxRuntimeSeconds) !== 0) {
                        m.maxRuntimeSeconds = d.maxRuntimeSeconds | 0;
                    }
                }
                if (d.image != null) {
                    if (typeof d.image !== "string" || d.image.length) {
                        m.image = $String(d.image);
                    }
                }
                if (d.mounts) {
                    if (!$Array.isArray(d.mounts))
                        throw $TypeError(".tessera.v1.JobSpec.mounts: array expected");
                    m.mounts = $Array(d.mounts.length);
                    for (var i = 0; i < d.mounts.length; ++i) {
                        if (!$util.isObject(d.mounts[i]))
                            throw $TypeError(".tessera.v1.JobSpec.mounts: object expected");
                        m.mounts[i] = $root.tessera.v1.ContainerMount.fromObject(d.mounts[i], q + 1);
                    }
                }
                return m;
            };

            JobSpec.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.command = [];
                    d.mounts = [];
                }
                if (o.objects || o.defaults) {
                    d.env = {};
                }
                if (o.defaults) {
                    d.name = "";
                    d.tenant = "";
                    d.priority = 0;
                    d.kind = "";
                    d.request = null;
                    d.workdir = "";
                    d.queue = "";
                    d.priorityClass = "";
                    d.preemptible = false;
                    d.requeueOnPreemption = false;
                    d.maxRuntimeSeconds = 0;
                    d.image = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.tenant != null && $Object.hasOwnProperty.call(m, "tenant")) {
                    d.tenant = m.tenant;
                }
                if (m.priority != null && $Object.hasOwnProperty.call(m, "priority")) {
                    d.priority = m.priority;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.request != null && $Object.hasOwnProperty.call(m, "request")) {
                    d.request = $root.tessera.v1.ResourceRequest.toObject(m.request, o, q + 1);
                }
                if (m.command && m.command.length) {
                    d.command = $Array(m.command.length);
                    for (var j = 0; j < m.command.length; ++j) {
                        d.command[j] = m.command[j];
                    }
                }
                var ks2;
                if (m.env && (ks2 = $Object.keys(m.env)).length) {
                    d.env = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.env, ks2[j]);
                        d.env[ks2[j]] = m.env[ks2[j]];
                    }
                }
                if (m.workdir != null && $Object.hasOwnProperty.call(m, "workdir")) {
                    d.workdir = m.workdir;
                }
                if (m.queue != null && $Object.hasOwnProperty.call(m, "queue")) {
                    d.queue = m.queue;
                }
                if (m.priorityClass != null && $Object.hasOwnProperty.call(m, "priorityClass")) {
                    d.priorityClass = m.priorityClass;
                }
                if (m.preemptible != null && $Object.hasOwnProperty.call(m, "preemptible")) {
                    d.preemptible = m.preemptible;
                }
                if (m.requeueOnPreemption != null && $Object.hasOwnProperty.call(m, "requeueOnPreemption")) {
                    d.requeueOnPreemption = m.requeueOnPreemption;
                }
                if (m.maxRuntimeSeconds != null && $Object.hasOwnProperty.call(m, "maxRuntimeSeconds")) {
                    d.maxRuntimeSeconds = m.maxRuntimeSeconds;
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    d.image = m.image;
                }
                if (m.mounts && m.mounts.length) {
                    d.mounts = $Array(m.mounts.length);
                    for (var j = 0; j < m.mounts.length; ++j) {
                        d.mounts[j] = $root.tessera.v1.ContainerMount.toObject(m.mounts[j], o, q + 1);
                    }
                }
                return d;
            };

            JobSpec.prototype.toJSON = function() {
                return JobSpec.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobSpec;
        })();

        v1.ContainerMount = (function() {

            const ContainerMount = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ContainerMount.prototype.source = "";
            ContainerMount.prototype.target = "";
            ContainerMount.prototype.readOnly = false;

            ContainerMount.create = function(properties) {
                return new ContainerMount(properties);
            };

            ContainerMount.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(10).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(18).string(m.target);
                if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly") && m.readOnly !== false)
                    w.uint32(24).bool(m.readOnly);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ContainerMount.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ContainerMount();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.readOnly = v;
                            else
                                delete m.readOnly;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ContainerMount.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ContainerMount)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ContainerMount: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ContainerMount();
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.readOnly != null) {
                    if (d.readOnly) {
                        m.readOnly = $Boolean(d.readOnly);
                    }
                }
                return m;
            };

            ContainerMount.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.source = "";
                    d.target = "";
                    d.readOnly = false;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly")) {
                    d.readOnly = m.readOnly;
                }
                return d;
            };

            ContainerMount.prototype.toJSON = function() {
                return ContainerMount.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ContainerMount;
        })();

        v1.SubmitRequest = (function() {

            const SubmitRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SubmitRequest.prototype.spec = null;
            SubmitRequest.prototype.clientRequestId = "";

            SubmitRequest.create = function(properties) {
                return new SubmitRequest(properties);
            };

            SubmitRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.spec != null && $Object.hasOwnProperty.call(m, "spec"))
                    $root.tessera.v1.JobSpec.encode(m.spec, w.uint32(10).fork(), q + 1).ldelim();
                if (m.clientRequestId != null && $Object.hasOwnProperty.call(m, "clientRequestId") && m.clientRequestId !== "")
                    w.uint32(18).string(m.clientRequestId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SubmitRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SubmitRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.spec = $root.tessera.v1.JobSpec.decode(r, r.size(), $undefined, q + 1, m.spec);
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientRequestId = v;
                            else
                                delete m.clientRequestId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SubmitRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.SubmitRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.SubmitRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.SubmitRequest();
                if (d.spec != null) {
                    if (!$util.isObject(d.spec))
                        throw $TypeError(".tessera.v1.SubmitRequest.spec: object expected");
                    m.spec = $root.tessera.v1.JobSpec.fromObject(d.spec, q + 1);
                }
                if (d.clientRequestId != null) {
                    if (typeof d.clientRequestId !== "string" || d.clientRequestId.length) {
                        m.clientRequestId = $String(d.clientRequestId);
                    }
                }
                return m;
            };

            SubmitRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.spec = null;
                    d.clientRequestId = "";
                }
                if (m.spec != null && $Object.hasOwnProperty.call(m, "spec")) {
                    d.spec = $root.tessera.v1.JobSpec.toObject(m.spec, o, q + 1);
                }
                if (m.clientRequestId != null && $Object.hasOwnProperty.call(m, "clientRequestId")) {
                    d.clientRequestId = m.clientRequestId;
                }
                return d;
            };

            SubmitRequest.prototype.toJSON = function() {
                return SubmitRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmitRequest;
        })();

        v1.SubmitResponse = (function() {

            const SubmitResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SubmitResponse.prototype.job = null;
            SubmitResponse.prototype.deduplicated = false;

            SubmitResponse.create = function(properties) {
                return new SubmitResponse(properties);
            };

            SubmitResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.job != null && $Object.hasOwnProperty.call(m, "job"))
                    $root.tessera.v1.Job.encode(m.job, w.uint32(10).fork(), q + 1).ldelim();
                if (m.deduplicated != null && $Object.hasOwnProperty.call(m, "deduplicated") && m.deduplicated !== false)
                    w.uint32(16).bool(m.deduplicated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SubmitResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SubmitResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.job = $root.tessera.v1.Job.decode(r, r.size(), $undefined, q + 1, m.job);
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.deduplicated = v;
                            else
                                delete m.deduplicated;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SubmitResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.SubmitResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.SubmitResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.SubmitResponse();
                if (d.job != null) {
                    if (!$util.isObject(d.job))
                        throw $TypeError(".tessera.v1.SubmitResponse.job: object expected");
                    m.job = $root.tessera.v1.Job.fromObject(d.job, q + 1);
                }
                if (d.deduplicated != null) {
                    if (d.deduplicated) {
                        m.deduplicated = $Boolean(d.deduplicated);
                    }
                }
                return m;
            };

            SubmitResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.job = null;
                    d.deduplicated = false;
                }
                if (m.job != null && $Object.hasOwnProperty.call(m, "job")) {
                    d.job = $root.tessera.v1.Job.toObject(m.job, o, q + 1);
                }
                if (m.deduplicated != null && $Object.hasOwnProperty.call(m, "deduplicated")) {
                    d.deduplicated = m.deduplicated;
                }
                return d;
            };

            SubmitResponse.prototype.toJSON = function() {
                return SubmitResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmitResponse;
        })();

        v1.Allocation = (function() {

            const Allocation = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Allocation.prototype.node = "";
            Allocation.prototype.gpuUuid = "";
            Allocation.prototype.gpuIndex = 0;
            Allocation.prototype.gpuModel = "";
            Allocation.prototype.kind = "";
            Allocation.prototype.migProfile = "";
            Allocation.prototype.migStart = 0;
            Allocation.prototype.migSize = 0;
            Allocation.prototype.migUuid = "";
            Allocation.prototype.shareMilli = 0;
            Allocation.prototype.shareMemoryMib = 0;
            Allocation.prototype.shareIsolation = "";

            Allocation.create = function(properties) {
                return new Allocation(properties);
            };

            Allocation.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(10).string(m.node);
                if (m.gpuUuid != null && $Object.hasOwnProperty.call(m, "gpuUuid") && m.gpuUuid !== "")
                    w.uint32(18).string(m.gpuUuid);
                if (m.gpuIndex != null && $Object.hasOwnProperty.call(m, "gpuIndex") && m.gpuIndex !== 0)
                    w.uint32(24).uint32(m.gpuIndex);
                if (m.gpuModel != null && $Object.hasOwnProperty.call(m, "gpuModel") && m.gpuModel !== "")
                    w.uint32(34).string(m.gpuModel);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(42).string(m.kind);
                if (m.migProfile != null && $Object.hasOwnProperty.call(m, "migProfile") && m.migProfile !== "")
                    w.uint32(50).string(m.migProfile);
                if (m.migStart != null && $Object.hasOwnProperty.call(m, "migStart") && m.migStart !== 0)
                    w.uint32(56).uint32(m.migStart);
                if (m.migSize != null && $Object.hasOwnProperty.call(m, "migSize") && m.migSize !== 0)
                    w.uint32(64).uint32(m.migSize);
                if (m.migUuid != null && $Object.hasOwnProperty.call(m, "migUuid") && m.migUuid !== "")
                    w.uint32(74).string(m.migUuid);
                if (m.shareMilli != null && $Object.hasOwnProperty.call(m, "shareMilli") && m.shareMilli !== 0)
                    w.uint32(80).uint32(m.shareMilli);
                if (m.shareMemoryMib != null && $Object.hasOwnProperty.call(m, "shareMemoryMib") && m.shareMemoryMib !== 0)
                    w.uint32(88).uint32(m.shareMemoryMib);
                if (m.shareIsolation != null && $Object.hasOwnProperty.call(m, "shareIsolation") && m.shareIsolation !== "")
                    w.uint32(98).string(m.shareIsolation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Allocation.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Allocation();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.gpuUuid = v;
                            else
                                delete m.gpuUuid;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.gpuIndex = v;
                            else
                                delete m.gpuIndex;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.gpuModel = v;
                            else
                                delete m.gpuModel;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.migProfile = v;
                            else
                                delete m.migProfile;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.migStart = v;
                            else
                                delete m.migStart;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.migSize = v;
                            else
                                delete m.migSize;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.migUuid = v;
                            else
                                delete m.migUuid;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.shareMilli = v;
                            else
                                delete m.shareMilli;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.shareMemoryMib = v;
                            else
                                delete m.shareMemoryMib;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.shareIsolation = v;
                            else
                                delete m.shareIsolation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Allocation.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Allocation)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Allocation: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Allocation();
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.gpuUuid != null) {
                    if (typeof d.gpuUuid !== "string" || d.gpuUuid.length) {
                        m.gpuUuid = $String(d.gpuUuid);
                    }
                }
                if (d.gpuIndex != null) {
                    if ($Number(d.gpuIndex) !== 0) {
                        m.gpuIndex = d.gpuIndex >>> 0;
                    }
                }
                if (d.gpuModel != null) {
                    if (typeof d.gpuModel !== "string" || d.gpuModel.length) {
                        m.gpuModel = $String(d.gpuModel);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.migProfile != null) {
                    if (typeof d.migProfile !== "string" || d.migProfile.length) {
                        m.migProfile = $String(d.migProfile);
                    }
                }
                if (d.migStart != null) {
                    if ($Number(d.migStart) !== 0) {
                        m.migStart = d.migStart >>> 0;
                    }
                }
                if (d.migSize != null) {
                    if ($Number(d.migSize) !== 0) {
                        m.migSize = d.migSize >>> 0;
                    }
                }
                if (d.migUuid != null) {
                    if (typeof d.migUuid !== "string" || d.migUuid.length) {
                        m.migUuid = $String(d.migUuid);
                    }
                }
                if (d.shareMilli != null) {
                    if ($Number(d.shareMilli) !== 0) {
                        m.shareMilli = d.shareMilli >>> 0;
                    }
                }
                if (d.shareMemoryMib != null) {
                    if ($Number(d.shareMemoryMib) !== 0) {
                        m.shareMemoryMib = d.shareMemoryMib >>> 0;
                    }
                }
                if (d.shareIsolation != null) {
                    if (typeof d.shareIsolation !== "string" || d.shareIsolation.length) {
                        m.shareIsolation = $String(d.shareIsolation);
                    }
                }
                return m;
            };

            Allocation.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.node = "";
                    d.gpuUuid = "";
                    d.gpuIndex = 0;
                    d.gpuModel = "";
                    d.kind = "";
                    d.migProfile = "";
                    d.migStart = 0;
                    d.migSize = 0;
                    d.migUuid = "";
                    d.shareMilli = 0;
                    d.shareMemoryMib = 0;
                    d.shareIsolation = "";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.gpuUuid != null && $Object.hasOwnProperty.call(m, "gpuUuid")) {
                    d.gpuUuid = m.gpuUuid;
                }
                if (m.gpuIndex != null && $Object.hasOwnProperty.call(m, "gpuIndex")) {
                    d.gpuIndex = m.gpuIndex;
                }
                if (m.gpuModel != null && $Object.hasOwnProperty.call(m, "gpuModel")) {
                    d.gpuModel = m.gpuModel;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.migProfile != null && $Object.hasOwnProperty.call(m, "migProfile")) {
                    d.migProfile = m.migProfile;
                }
                if (m.migStart != null && $Object.hasOwnProperty.call(m, "migStart")) {
                    d.migStart = m.migStart;
                }
                if (m.migSize != null && $Object.hasOwnProperty.call(m, "migSize")) {
                    d.migSize = m.migSize;
                }
                if (m.migUuid != null && $Object.hasOwnProperty.call(m, "migUuid")) {
                    d.migUuid = m.migUuid;
                }
                if (m.shareMilli != null && $Object.hasOwnProperty.call(m, "shareMilli")) {
                    d.shareMilli = m.shareMilli;
                }
                if (m.shareMemoryMib != null && $Object.hasOwnProperty.call(m, "shareMemoryMib")) {
                    d.shareMemoryMib = m.shareMemoryMib;
                }
                if (m.shareIsolation != null && $Object.hasOwnProperty.call(m, "shareIsolation")) {
                    d.shareIsolation = m.shareIsolation;
                }
                return d;
            };

            Allocation.prototype.toJSON = function() {
                return Allocation.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Allocation;
        })();

        v1.JobTransition = (function() {

            const JobTransition = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobTransition.prototype.from = "";
            JobTransition.prototype.to = "";
            JobTransition.prototype.atUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobTransition.prototype.reason = "";

            JobTransition.create = function(properties) {
                return new JobTransition(properties);
            };

            JobTransition.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.from != null && $Object.hasOwnProperty.call(m, "from") && m.from !== "")
                    w.uint32(10).string(m.from);
                if (m.to != null && $Object.hasOwnProperty.call(m, "to") && m.to !== "")
                    w.uint32(18).string(m.to);
                if (m.atUnixMs != null && $Object.hasOwnProperty.call(m, "atUnixMs") && (typeof m.atUnixMs === "object" ? m.atUnixMs.low || m.atUnixMs.high : m.atUnixMs !== 0))
                    w.uint32(24).int64(m.atUnixMs);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(34).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobTransition.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobTransition();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.from = v;
                            else
                                delete m.from;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.to = v;
                            else
                                delete m.to;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.atUnixMs = v;
                            else
                                delete m.atUnixMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobTransition.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobTransition)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobTransition: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobTransition();
                if (d.from != null) {
                    if (typeof d.from !== "string" || d.from.length) {
                        m.from = $String(d.from);
                    }
                }
                if (d.to != null) {
                    if (typeof d.to !== "string" || d.to.length) {
                        m.to = $String(d.to);
                    }
                }
                if (d.atUnixMs != null) {
                    if (typeof d.atUnixMs === "object" ? d.atUnixMs.low || d.atUnixMs.high : $Number(d.atUnixMs) !== 0) {
                        if ($util.Long)
                            m.atUnixMs = $util.Long.fromValue(d.atUnixMs, false);
                        else if (typeof d.atUnixMs === "string")
                            m.atUnixMs = $parseInt(d.atUnixMs, 10);
                        else if (typeof d.atUnixMs === "number")
                            m.atUnixMs = d.atUnixMs;
                        else if (typeof d.atUnixMs === "object")
                            m.atUnixMs = new $util.LongBits(d.atUnixMs.low >>> 0, d.atUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            JobTransition.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.from = "";
                    d.to = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.atUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.atUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.reason = "";
                }
                if (m.from != null && $Object.hasOwnProperty.call(m, "from")) {
                    d.from = m.from;
                }
                if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                    d.to = m.to;
                }
                if (m.atUnixMs != null && $Object.hasOwnProperty.call(m, "atUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.atUnixMs = typeof m.atUnixMs === "number" ? $BigInt(m.atUnixMs) : $util.Long.fromBits(m.atUnixMs.low >>> 0, m.atUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.atUnixMs === "number")
                        d.atUnixMs = o.longs === $String ? $String(m.atUnixMs) : m.atUnixMs;
                    else
                        d.atUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.atUnixMs) : o.longs === $Number ? new $util.LongBits(m.atUnixMs.low >>> 0, m.atUnixMs.high >>> 0).toNumber() : m.atUnixMs;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            JobTransition.prototype.toJSON = function() {
                return JobTransition.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobTransition;
        })();

        v1.Job = (function() {

            const Job = function (p) {
                this.allocations = [];
                this.transitions = [];
                this.members = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Job.prototype.id = "";
            Job.prototype.spec = null;
            Job.prototype.state = "";
            Job.prototype.reason = "";
            Job.prototype.allocations = $util.emptyArray;
            Job.prototype.attempt = 0;
            Job.prototype.exitCode = 0;
            Job.prototype.logNode = "";
            Job.prototype.logPath = "";
            Job.prototype.createdUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Job.prototype.updatedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Job.prototype.transitions = $util.emptyArray;
            Job.prototype.clientRequestId = "";
            Job.prototype.startedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Job.prototype.finishedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Job.prototype.visibleDevices = "";
            Job.prototype.members = $util.emptyArray;

            Job.create = function(properties) {
                return new Job(properties);
            };

            Job.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(10).string(m.id);
                if (m.spec != null && $Object.hasOwnProperty.call(m, "spec"))
                    $root.tessera.v1.JobSpec.encode(m.spec, w.uint32(18).fork(), q + 1).ldelim();
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(26).string(m.state);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(34).string(m.reason);
                if (m.allocations != null && m.allocations.length) {
                    for (var i = 0; i < m.allocations.length; ++i)
                        $root.tessera.v1.Allocation.encode(m.allocations[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(48).uint32(m.attempt);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                    w.uint32(56).int32(m.exitCode);
                if (m.logNode != null && $Object.hasOwnProperty.call(m, "logNode") && m.logNode !== "")
                    w.uint32(66).string(m.logNode);
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath") && m.logPath !== "")
                    w.uint32(74).string(m.logPath);
                if (m.createdUnixMs != null && $Object.hasOwnProperty.call(m, "createdUnixMs") && (typeof m.createdUnixMs === "object" ? m.createdUnixMs.low || m.createdUnixMs.high : m.createdUnixMs !== 0))
                    w.uint32(80).int64(m.createdUnixMs);
                if (m.updatedUnixMs != null && $Object.hasOwnProperty.call(m, "updatedUnixMs") && (typeof m.updatedUnixMs === "object" ? m.updatedUnixMs.low || m.updatedUnixMs.high : m.updatedUnixMs !== 0))
                    w.uint32(88).int64(m.updatedUnixMs);
                if (m.transitions != null && m.transitions.length) {
                    for (var i = 0; i < m.transitions.length; ++i)
                        $root.tessera.v1.JobTransition.encode(m.transitions[i], w.uint32(98).fork(), q + 1).ldelim();
                }
                if (m.clientRequestId != null && $Object.hasOwnProperty.call(m, "clientRequestId") && m.clientRequestId !== "")
                    w.uint32(106).string(m.clientRequestId);
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs") && (typeof m.startedUnixMs === "object" ? m.startedUnixMs.low || m.startedUnixMs.high : m.startedUnixMs !== 0))
                    w.uint32(112).int64(m.startedUnixMs);
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs") && (typeof m.finishedUnixMs === "object" ? m.finishedUnixMs.low || m.finishedUnixMs.high : m.finishedUnixMs !== 0))
                    w.uint32(120).int64(m.finishedUnixMs);
                if (m.visibleDevices != null && $Object.hasOwnProperty.call(m, "visibleDevices") && m.visibleDevices !== "")
                    w.uint32(130).string(m.visibleDevices);
                if (m.members != null && m.members.length) {
                    for (var i = 0; i < m.members.length; ++i)
                        $root.tessera.v1.JobMember.encode(m.members[i], w.uint32(138).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Job.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Job();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.spec = $root.tessera.v1.JobSpec.decode(r, r.size(), $undefined, q + 1, m.spec);
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.allocations && m.allocations.length))
                                m.allocations = [];
                            m.allocations.push($root.tessera.v1.Allocation.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.exitCode = v;
                            else
                                delete m.exitCode;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.logNode = v;
                            else
                                delete m.logNode;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.logPath = v;
                            else
                                delete m.logPath;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.createdUnixMs = v;
                            else
                                delete m.createdUnixMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.updatedUnixMs = v;
                            else
                                delete m.updatedUnixMs;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if (!(m.transitions && m.transitions.length))
                                m.transitions = [];
                            m.transitions.push($root.tessera.v1.JobTransition.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientRequestId = v;
                            else
                                delete m.clientRequestId;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedUnixMs = v;
                            else
                                delete m.startedUnixMs;
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.finishedUnixMs = v;
                            else
                                delete m.finishedUnixMs;
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.visibleDevices = v;
                            else
                                delete m.visibleDevices;
                            continue;
                        }
                    case 17: {
                            if (u !== 2)
                                break;
                            if (!(m.members && m.members.length))
                                m.members = [];
                            m.members.push($root.tessera.v1.JobMember.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Job.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Job)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Job: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Job();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.spec != null) {
                    if (!$util.isObject(d.spec))
                        throw $TypeError(".tessera.v1.Job.spec: object expected");
                    m.spec = $root.tessera.v1.JobSpec.fromObject(d.spec, q + 1);
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                if (d.allocations) {
                    if (!$Array.isArray(d.allocations))
                        throw $TypeError(".tessera.v1.Job.allocations: array expected");
                    m.allocations = $Array(d.allocations.length);
                    for (var i = 0; i < d.allocations.length; ++i) {
                        if (!$util.isObject(d.allocations[i]))
                            throw $TypeError(".tessera.v1.Job.allocations: object expected");
                        m.allocations[i] = $root.tessera.v1.Allocation.fromObject(d.allocations[i], q + 1);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.exitCode != null) {
                    if ($Number(d.exitCode) !== 0) {
                        m.exitCode = d.exitCode | 0;
                    }
                }
                if (d.logNode != null) {
                    if (typeof d.logNode !== "string" || d.logNode.length) {
                        m.logNode = $String(d.logNode);
                    }
                }
                if (d.logPath != null) {
                    if (typeof d.logPath !== "string" || d.logPath.length) {
                        m.logPath = $String(d.logPath);
                    }
                }
                if (d.createdUnixMs != null) {
                    if (typeof d.createdUnixMs === "object" ? d.createdUnixMs.low || d.createdUnixMs.high : $Number(d.createdUnixMs) !== 0) {
                        if ($util.Long)
                            m.createdUnixMs = $util.Long.fromValue(d.createdUnixMs, false);
                        else if (typeof d.createdUnixMs === "string")
                            m.createdUnixMs = $parseInt(d.createdUnixMs, 10);
                        else if (typeof d.createdUnixMs === "number")
                            m.createdUnixMs = d.createdUnixMs;
                        else if (typeof d.createdUnixMs === "object")
                            m.createdUnixMs = new $util.LongBits(d.createdUnixMs.low >>> 0, d.createdUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.updatedUnixMs != null) {
                    if (typeof d.updatedUnixMs === "object" ? d.updatedUnixMs.low || d.updatedUnixMs.high : $Number(d.updatedUnixMs) !== 0) {
                        if ($util.Long)
                            m.updatedUnixMs = $util.Long.fromValue(d.updatedUnixMs, false);
                        else if (typeof d.updatedUnixMs === "string")
                            m.updatedUnixMs = $parseInt(d.updatedUnixMs, 10);
                        else if (typeof d.updatedUnixMs === "number")
                            m.updatedUnixMs = d.updatedUnixMs;
                        else if (typeof d.updatedUnixMs === "object")
                            m.updatedUnixMs = new $util.LongBits(d.updatedUnixMs.low >>> 0, d.updatedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.transitions) {
                    if (!$Array.isArray(d.transitions))
                        throw $TypeError(".tessera.v1.Job.transitions: array expected");
                    m.transitions = $Array(d.transitions.length);
                    for (var i = 0; i < d.transitions.length; ++i) {
                        if (!$util.isObject(d.transitions[i]))
                            throw $TypeError(".tessera.v1.Job.transitions: object expected");
                        m.transitions[i] = $root.tessera.v1.JobTransition.fromObject(d.transitions[i], q + 1);
                    }
                }
                if (d.clientRequestId != null) {
                    if (typeof d.clientRequestId !== "string" || d.clientRequestId.length) {
                        m.clientRequestId = $String(d.clientRequestId);
                    }
                }
                if (d.startedUnixMs != null) {
                    if (typeof d.startedUnixMs === "object" ? d.startedUnixMs.low || d.startedUnixMs.high : $Number(d.startedUnixMs) !== 0) {
                        if ($util.Long)
                            m.startedUnixMs = $util.Long.fromValue(d.startedUnixMs, false);
                        else if (typeof d.startedUnixMs === "string")
                            m.startedUnixMs = $parseInt(d.startedUnixMs, 10);
                        else if (typeof d.startedUnixMs === "number")
                            m.startedUnixMs = d.startedUnixMs;
                        else if (typeof d.startedUnixMs === "object")
                            m.startedUnixMs = new $util.LongBits(d.startedUnixMs.low >>> 0, d.startedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.finishedUnixMs != null) {
                    if (typeof d.finishedUnixMs === "object" ? d.finishedUnixMs.low || d.finishedUnixMs.high : $Number(d.finishedUnixMs) !== 0) {
                        if ($util.Long)
                            m.finishedUnixMs = $util.Long.fromValue(d.finishedUnixMs, false);
                        else if (typeof d.finishedUnixMs === "string")
                            m.finishedUnixMs = $parseInt(d.finishedUnixMs, 10);
                        else if (typeof d.finishedUnixMs === "number")
                            m.finishedUnixMs = d.finishedUnixMs;
                        else if (typeof d.finishedUnixMs === "object")
                            m.finishedUnixMs = new $util.LongBits(d.finishedUnixMs.low >>> 0, d.finishedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.visibleDevices != null) {
                    if (typeof d.visibleDevices !== "string" || d.visibleDevices.length) {
                        m.visibleDevices = $String(d.visibleDevices);
                    }
                }
                if (d.members) {
                    if (!$Array.isArray(d.members))
                        throw $TypeError(".tessera.v1.Job.members: array expected");
                    m.members = $Array(d.members.length);
                    for (var i = 0; i < d.members.length; ++i) {
                        if (!$util.isObject(d.members[i]))
                            throw $TypeError(".tessera.v1.Job.members: object expected");
                        m.members[i] = $root.tessera.v1.JobMember.fromObject(d.members[i], q + 1);
                    }
                }
                return m;
            };

            Job.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.allocations = [];
                    d.transitions = [];
                    d.members = [];
                }
                if (o.defaults) {
                    d.id = "";
                    d.spec = null;
                    d.state = "";
                    d.reason = "";
                    d.attempt = 0;
                    d.exitCode = 0;
                    d.logNode = "";
                    d.logPath = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.createdUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.createdUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.updatedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.updatedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.clientRequestId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.finishedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finishedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.visibleDevices = "";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.spec != null && $Object.hasOwnProperty.call(m, "spec")) {
                    d.spec = $root.tessera.v1.JobSpec.toObject(m.spec, o, q + 1);
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.allocations && m.allocations.length) {
                    d.allocations = $Array(m.allocations.length);
                    for (var j = 0; j < m.allocations.length; ++j) {
                        d.allocations[j] = $root.tessera.v1.Allocation.toObject(m.allocations[j], o, q + 1);
                    }
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    d.exitCode = m.exitCode;
                }
                if (m.logNode != null && $Object.hasOwnProperty.call(m, "logNode")) {
                    d.logNode = m.logNode;
                }
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath")) {
                    d.logPath = m.logPath;
                }
                if (m.createdUnixMs != null && $Object.hasOwnProperty.call(m, "createdUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.createdUnixMs = typeof m.createdUnixMs === "number" ? $BigInt(m.createdUnixMs) : $util.Long.fromBits(m.createdUnixMs.low >>> 0, m.createdUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.createdUnixMs === "number")
                        d.createdUnixMs = o.longs === $String ? $String(m.createdUnixMs) : m.createdUnixMs;
                    else
                        d.createdUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.createdUnixMs) : o.longs === $Number ? new $util.LongBits(m.createdUnixMs.low >>> 0, m.createdUnixMs.high >>> 0).toNumber() : m.createdUnixMs;
                }
                if (m.updatedUnixMs != null && $Object.hasOwnProperty.call(m, "updatedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.updatedUnixMs = typeof m.updatedUnixMs === "number" ? $BigInt(m.updatedUnixMs) : $util.Long.fromBits(m.updatedUnixMs.low >>> 0, m.updatedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.updatedUnixMs === "number")
                        d.updatedUnixMs = o.longs === $String ? $String(m.updatedUnixMs) : m.updatedUnixMs;
                    else
                        d.updatedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.updatedUnixMs) : o.longs === $Number ? new $util.LongBits(m.updatedUnixMs.low >>> 0, m.updatedUnixMs.high >>> 0).toNumber() : m.updatedUnixMs;
                }
                if (m.transitions && m.transitions.length) {
                    d.transitions = $Array(m.transitions.length);
                    for (var j = 0; j < m.transitions.length; ++j) {
                        d.transitions[j] = $root.tessera.v1.JobTransition.toObject(m.transitions[j], o, q + 1);
                    }
                }
                if (m.clientRequestId != null && $Object.hasOwnProperty.call(m, "clientRequestId")) {
                    d.clientRequestId = m.clientRequestId;
                }
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedUnixMs = typeof m.startedUnixMs === "number" ? $BigInt(m.startedUnixMs) : $util.Long.fromBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startedUnixMs === "number")
                        d.startedUnixMs = o.longs === $String ? $String(m.startedUnixMs) : m.startedUnixMs;
                    else
                        d.startedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startedUnixMs) : o.longs === $Number ? new $util.LongBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0).toNumber() : m.startedUnixMs;
                }
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finishedUnixMs = typeof m.finishedUnixMs === "number" ? $BigInt(m.finishedUnixMs) : $util.Long.fromBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.finishedUnixMs === "number")
                        d.finishedUnixMs = o.longs === $String ? $String(m.finishedUnixMs) : m.finishedUnixMs;
                    else
                        d.finishedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.finishedUnixMs) : o.longs === $Number ? new $util.LongBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0).toNumber() : m.finishedUnixMs;
                }
                if (m.visibleDevices != null && $Object.hasOwnProperty.call(m, "visibleDevices")) {
                    d.visibleDevices = m.visibleDevices;
                }
                if (m.members && m.members.length) {
                    d.members = $Array(m.members.length);
                    for (var j = 0; j < m.members.length; ++j) {
                        d.members[j] = $root.tessera.v1.JobMember.toObject(m.members[j], o, q + 1);
                    }
                }
                return d;
            };

            Job.prototype.toJSON = function() {
                return Job.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Job;
        })();

        v1.JobMember = (function() {

            const JobMember = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobMember.prototype.rank = 0;
            JobMember.prototype.node = "";
            JobMember.prototype.state = "";
            JobMember.prototype.detail = "";
            JobMember.prototype.logPath = "";
            JobMember.prototype.startedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobMember.prototype.finishedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobMember.prototype.exitCode = 0;

            JobMember.create = function(properties) {
                return new JobMember(properties);
            };

            JobMember.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.rank != null && $Object.hasOwnProperty.call(m, "rank") && m.rank !== 0)
                    w.uint32(8).uint32(m.rank);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(18).string(m.node);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(26).string(m.state);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(34).string(m.detail);
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath") && m.logPath !== "")
                    w.uint32(42).string(m.logPath);
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs") && (typeof m.startedUnixMs === "object" ? m.startedUnixMs.low || m.startedUnixMs.high : m.startedUnixMs !== 0))
                    w.uint32(48).int64(m.startedUnixMs);
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs") && (typeof m.finishedUnixMs === "object" ? m.finishedUnixMs.low || m.finishedUnixMs.high : m.finishedUnixMs !== 0))
                    w.uint32(56).int64(m.finishedUnixMs);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                    w.uint32(64).int32(m.exitCode);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobMember.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobMember();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.rank = v;
                            else
                                delete m.rank;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.logPath = v;
                            else
                                delete m.logPath;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedUnixMs = v;
                            else
                                delete m.startedUnixMs;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.finishedUnixMs = v;
                            else
                                delete m.finishedUnixMs;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.exitCode = v;
                            else
                                delete m.exitCode;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobMember.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobMember)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobMember: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobMember();
                if (d.rank != null) {
                    if ($Number(d.rank) !== 0) {
                        m.rank = d.rank >>> 0;
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                if (d.logPath != null) {
                    if (typeof d.logPath !== "string" || d.logPath.length) {
                        m.logPath = $String(d.logPath);
                    }
                }
                if (d.startedUnixMs != null) {
                    if (typeof d.startedUnixMs === "object" ? d.startedUnixMs.low || d.startedUnixMs.high : $Number(d.startedUnixMs) !== 0) {
                        if ($util.Long)
                            m.startedUnixMs = $util.Long.fromValue(d.startedUnixMs, false);
                        else if (typeof d.startedUnixMs === "string")
                            m.startedUnixMs = $parseInt(d.startedUnixMs, 10);
                        else if (typeof d.startedUnixMs === "number")
                            m.startedUnixMs = d.startedUnixMs;
                        else if (typeof d.startedUnixMs === "object")
                            m.startedUnixMs = new $util.LongBits(d.startedUnixMs.low >>> 0, d.startedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.finishedUnixMs != null) {
                    if (typeof d.finishedUnixMs === "object" ? d.finishedUnixMs.low || d.finishedUnixMs.high : $Number(d.finishedUnixMs) !== 0) {
                        if ($util.Long)
                            m.finishedUnixMs = $util.Long.fromValue(d.finishedUnixMs, false);
                        else if (typeof d.finishedUnixMs === "string")
                            m.finishedUnixMs = $parseInt(d.finishedUnixMs, 10);
                        else if (typeof d.finishedUnixMs === "number")
                            m.finishedUnixMs = d.finishedUnixMs;
                        else if (typeof d.finishedUnixMs === "object")
                            m.finishedUnixMs = new $util.LongBits(d.finishedUnixMs.low >>> 0, d.finishedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.exitCode != null) {
                    if ($Number(d.exitCode) !== 0) {
                        m.exitCode = d.exitCode | 0;
                    }
                }
                return m;
            };

            JobMember.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.rank = 0;
                    d.node = "";
                    d.state = "";
                    d.detail = "";
                    d.logPath = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.finishedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finishedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.exitCode = 0;
                }
                if (m.rank != null && $Object.hasOwnProperty.call(m, "rank")) {
                    d.rank = m.rank;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath")) {
                    d.logPath = m.logPath;
                }
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedUnixMs = typeof m.startedUnixMs === "number" ? $BigInt(m.startedUnixMs) : $util.Long.fromBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startedUnixMs === "number")
                        d.startedUnixMs = o.longs === $String ? $String(m.startedUnixMs) : m.startedUnixMs;
                    else
                        d.startedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startedUnixMs) : o.longs === $Number ? new $util.LongBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0).toNumber() : m.startedUnixMs;
                }
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finishedUnixMs = typeof m.finishedUnixMs === "number" ? $BigInt(m.finishedUnixMs) : $util.Long.fromBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.finishedUnixMs === "number")
                        d.finishedUnixMs = o.longs === $String ? $String(m.finishedUnixMs) : m.finishedUnixMs;
                    else
                        d.finishedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.finishedUnixMs) : o.longs === $Number ? new $util.LongBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0).toNumber() : m.finishedUnixMs;
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    d.exitCode = m.exitCode;
                }
                return d;
            };

            JobMember.prototype.toJSON = function() {
                return JobMember.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobMember;
        })();

        v1.GetJobRequest = (function() {

            const GetJobRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GetJobRequest.prototype.id = "";

            GetJobRequest.create = function(properties) {
                return new GetJobRequest(properties);
            };

            GetJobRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(10).string(m.id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GetJobRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GetJobRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GetJobRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GetJobRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GetJobRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GetJobRequest();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                return m;
            };

            GetJobRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                return d;
            };

            GetJobRequest.prototype.toJSON = function() {
                return GetJobRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetJobRequest;
        })();

        v1.ListJobsRequest = (function() {

            const ListJobsRequest = function (p) {
                this.states = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListJobsRequest.prototype.states = $util.emptyArray;
            ListJobsRequest.prototype.tenant = "";
            ListJobsRequest.prototype.node = "";
            ListJobsRequest.prototype.nameContains = "";
            ListJobsRequest.prototype.pageSize = 0;
            ListJobsRequest.prototype.pageToken = "";

            ListJobsRequest.create = function(properties) {
                return new ListJobsRequest(properties);
            };

            ListJobsRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.states != null && m.states.length) {
                    for (var i = 0; i < m.states.length; ++i)
                        w.uint32(10).string(m.states[i]);
                }
                if (m.tenant != null && $Object.hasOwnProperty.call(m, "tenant") && m.tenant !== "")
                    w.uint32(18).string(m.tenant);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(26).string(m.node);
                if (m.nameContains != null && $Object.hasOwnProperty.call(m, "nameContains") && m.nameContains !== "")
                    w.uint32(34).string(m.nameContains);
                if (m.pageSize != null && $Object.hasOwnProperty.call(m, "pageSize") && m.pageSize !== 0)
                    w.uint32(40).uint32(m.pageSize);
                if (m.pageToken != null && $Object.hasOwnProperty.call(m, "pageToken") && m.pageToken !== "")
                    w.uint32(50).string(m.pageToken);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListJobsRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListJobsRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.states && m.states.length))
                                m.states = [];
                            m.states.push(r.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tenant = v;
                            else
                                delete m.tenant;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nameContains = v;
                            else
                                delete m.nameContains;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pageSize = v;
                            else
                                delete m.pageSize;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pageToken = v;
                            else
                                delete m.pageToken;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListJobsRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListJobsRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListJobsRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListJobsRequest();
                if (d.states) {
                    if (!$Array.isArray(d.states))
                        throw $TypeError(".tessera.v1.ListJobsRequest.states: array expected");
                    m.states = $Array(d.states.length);
                    for (var i = 0; i < d.states.length; ++i) {
                        m.states[i] = $String(d.states[i]);
                    }
                }
                if (d.tenant != null) {
                    if (typeof d.tenant !== "string" || d.tenant.length) {
                        m.tenant = $String(d.tenant);
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.nameContains != null) {
                    if (typeof d.nameContains !== "string" || d.nameContains.length) {
                        m.nameContains = $String(d.nameContains);
                    }
                }
                if (d.pageSize != null) {
                    if ($Number(d.pageSize) !== 0) {
                        m.pageSize = d.pageSize >>> 0;
                    }
                }
                if (d.pageToken != null) {
                    if (typeof d.pageToken !== "string" || d.pageToken.length) {
                        m.pageToken = $String(d.pageToken);
                    }
                }
                return m;
            };

            ListJobsRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.states = [];
                }
                if (o.defaults) {
                    d.tenant = "";
                    d.node = "";
                    d.nameContains = "";
                    d.pageSize = 0;
                    d.pageToken = "";
                }
                if (m.states && m.states.length) {
                    d.states = $Array(m.states.length);
                    for (var j = 0; j < m.states.length; ++j) {
                        d.states[j] = m.states[j];
                    }
                }
                if (m.tenant != null && $Object.hasOwnProperty.call(m, "tenant")) {
                    d.tenant = m.tenant;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.nameContains != null && $Object.hasOwnProperty.call(m, "nameContains")) {
                    d.nameContains = m.nameContains;
                }
                if (m.pageSize != null && $Object.hasOwnProperty.call(m, "pageSize")) {
                    d.pageSize = m.pageSize;
                }
                if (m.pageToken != null && $Object.hasOwnProperty.call(m, "pageToken")) {
                    d.pageToken = m.pageToken;
                }
                return d;
            };

            ListJobsRequest.prototype.toJSON = function() {
                return ListJobsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListJobsRequest;
        })();

        v1.ListJobsResponse = (function() {

            const ListJobsResponse = function (p) {
                this.jobs = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListJobsResponse.prototype.jobs = $util.emptyArray;
            ListJobsResponse.prototype.nextPageToken = "";

            ListJobsResponse.create = function(properties) {
                return new ListJobsResponse(properties);
            };

            ListJobsResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobs != null && m.jobs.length) {
                    for (var i = 0; i < m.jobs.length; ++i)
                        $root.tessera.v1.Job.encode(m.jobs[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.nextPageToken != null && $Object.hasOwnProperty.call(m, "nextPageToken") && m.nextPageToken !== "")
                    w.uint32(18).string(m.nextPageToken);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListJobsResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListJobsResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.jobs && m.jobs.length))
                                m.jobs = [];
                            m.jobs.push($root.tessera.v1.Job.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nextPageToken = v;
                            else
                                delete m.nextPageToken;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListJobsResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListJobsResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListJobsResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListJobsResponse();
                if (d.jobs) {
                    if (!$Array.isArray(d.jobs))
                        throw $TypeError(".tessera.v1.ListJobsResponse.jobs: array expected");
                    m.jobs = $Array(d.jobs.length);
                    for (var i = 0; i < d.jobs.length; ++i) {
                        if (!$util.isObject(d.jobs[i]))
                            throw $TypeError(".tessera.v1.ListJobsResponse.jobs: object expected");
                        m.jobs[i] = $root.tessera.v1.Job.fromObject(d.jobs[i], q + 1);
                    }
                }
                if (d.nextPageToken != null) {
                    if (typeof d.nextPageToken !== "string" || d.nextPageToken.length) {
                        m.nextPageToken = $String(d.nextPageToken);
                    }
                }
                return m;
            };

            ListJobsResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.jobs = [];
                }
                if (o.defaults) {
                    d.nextPageToken = "";
                }
                if (m.jobs && m.jobs.length) {
                    d.jobs = $Array(m.jobs.length);
                    for (var j = 0; j < m.jobs.length; ++j) {
                        d.jobs[j] = $root.tessera.v1.Job.toObject(m.jobs[j], o, q + 1);
                    }
                }
                if (m.nextPageToken != null && $Object.hasOwnProperty.call(m, "nextPageToken")) {
                    d.nextPageToken = m.nextPageToken;
                }
                return d;
            };

            ListJobsResponse.prototype.toJSON = function() {
                return ListJobsResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListJobsResponse;
        })();

        v1.CancelJobRequest = (function() {

            const CancelJobRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            CancelJobRequest.prototype.id = "";
            CancelJobRequest.prototype.reason = "";

            CancelJobRequest.create = function(properties) {
                return new CancelJobRequest(properties);
            };

            CancelJobRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(10).string(m.id);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(18).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            CancelJobRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.CancelJobRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            CancelJobRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.CancelJobRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.CancelJobRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.CancelJobRequest();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            CancelJobRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                    d.reason = "";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            CancelJobRequest.prototype.toJSON = function() {
                return CancelJobRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelJobRequest;
        })();

        v1.WatchJobsRequest = (function() {

            const WatchJobsRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            WatchJobsRequest.prototype.jobId = "";
            WatchJobsRequest.prototype.includeCurrent = false;

            WatchJobsRequest.create = function(properties) {
                return new WatchJobsRequest(properties);
            };

            WatchJobsRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.includeCurrent != null && $Object.hasOwnProperty.call(m, "includeCurrent") && m.includeCurrent !== false)
                    w.uint32(16).bool(m.includeCurrent);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            WatchJobsRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.WatchJobsRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.includeCurrent = v;
                            else
                                delete m.includeCurrent;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            WatchJobsRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.WatchJobsRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.WatchJobsRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.WatchJobsRequest();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.includeCurrent != null) {
                    if (d.includeCurrent) {
                        m.includeCurrent = $Boolean(d.includeCurrent);
                    }
                }
                return m;
            };

            WatchJobsRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.jobId = "";
                    d.includeCurrent = false;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.includeCurrent != null && $Object.hasOwnProperty.call(m, "includeCurrent")) {
                    d.includeCurrent = m.includeCurrent;
                }
                return d;
            };

            WatchJobsRequest.prototype.toJSON = function() {
                return WatchJobsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WatchJobsRequest;
        })();

        v1.JobEvent = (function() {

            const JobEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobEvent.prototype.type = "";
            JobEvent.prototype.job = null;
            JobEvent.prototype.atUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            JobEvent.create = function(properties) {
                return new JobEvent(properties);
            };

            JobEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== "")
                    w.uint32(10).string(m.type);
                if (m.job != null && $Object.hasOwnProperty.call(m, "job"))
                    $root.tessera.v1.Job.encode(m.job, w.uint32(18).fork(), q + 1).ldelim();
                if (m.atUnixMs != null && $Object.hasOwnProperty.call(m, "atUnixMs") && (typeof m.atUnixMs === "object" ? m.atUnixMs.low || m.atUnixMs.high : m.atUnixMs !== 0))
                    w.uint32(24).int64(m.atUnixMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.job = $root.tessera.v1.Job.decode(r, r.size(), $undefined, q + 1, m.job);
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.atUnixMs = v;
                            else
                                delete m.atUnixMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobEvent.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobEvent();
                if (d.type != null) {
                    if (typeof d.type !== "string" || d.type.length) {
                        m.type = $String(d.type);
                    }
                }
                if (d.job != null) {
                    if (!$util.isObject(d.job))
                        throw $TypeError(".tessera.v1.JobEvent.job: object expected");
                    m.job = $root.tessera.v1.Job.fromObject(d.job, q + 1);
                }
                if (d.atUnixMs != null) {
                    if (typeof d.atUnixMs === "object" ? d.atUnixMs.low || d.atUnixMs.high : $Number(d.atUnixMs) !== 0) {
                        if ($util.Long)
                            m.atUnixMs = $util.Long.fromValue(d.atUnixMs, false);
                        else if (typeof d.atUnixMs === "string")
                            m.atUnixMs = $parseInt(d.atUnixMs, 10);
                        else if (typeof d.atUnixMs === "number")
                            m.atUnixMs = d.atUnixMs;
                        else if (typeof d.atUnixMs === "object")
                            m.atUnixMs = new $util.LongBits(d.atUnixMs.low >>> 0, d.atUnixMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            JobEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.type = "";
                    d.job = null;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.atUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.atUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = m.type;
                }
                if (m.job != null && $Object.hasOwnProperty.call(m, "job")) {
                    d.job = $root.tessera.v1.Job.toObject(m.job, o, q + 1);
                }
                if (m.atUnixMs != null && $Object.hasOwnProperty.call(m, "atUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.atUnixMs = typeof m.atUnixMs === "number" ? $BigInt(m.atUnixMs) : $util.Long.fromBits(m.atUnixMs.low >>> 0, m.atUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.atUnixMs === "number")
                        d.atUnixMs = o.longs === $String ? $String(m.atUnixMs) : m.atUnixMs;
                    else
                        d.atUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.atUnixMs) : o.longs === $Number ? new $util.LongBits(m.atUnixMs.low >>> 0, m.atUnixMs.high >>> 0).toNumber() : m.atUnixMs;
                }
                return d;
            };

            JobEvent.prototype.toJSON = function() {
                return JobEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobEvent;
        })();

        v1.NodeService = (function() {

            const NodeService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(NodeService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: NodeService, writable: true, enumerable: false, configurable: true });

            NodeService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(NodeService.prototype.connect = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, NodeService.prototype.connect, $root.tessera.v1.AgentMessage, $root.tessera.v1.SchedulerMessage, request, callback);
            }, {
                name: { value: "Connect" },
                path: { value: "/tessera.v1.NodeService/Connect" },
                requestType: { value: "AgentMessage" },
                responseType: { value: "SchedulerMessage" },
                requestStream: { value: true },
                responseStream: { value: true }
            });



            $Object.defineProperties(NodeService.prototype.listNodes = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, NodeService.prototype.listNodes, $root.tessera.v1.ListNodesRequest, $root.tessera.v1.ListNodesResponse, request, callback);
            }, {
                name: { value: "ListNodes" },
                path: { value: "/tessera.v1.NodeService/ListNodes" },
                requestType: { value: "ListNodesRequest" },
                responseType: { value: "ListNodesResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(NodeService.prototype.removeNode = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, NodeService.prototype.removeNode, $root.tessera.v1.RemoveNodeRequest, $root.tessera.v1.RemoveNodeResponse, request, callback);
            }, {
                name: { value: "RemoveNode" },
                path: { value: "/tessera.v1.NodeService/RemoveNode" },
                requestType: { value: "RemoveNodeRequest" },
                responseType: { value: "RemoveNodeResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return NodeService;
        })();

        v1.GpuInventory = (function() {

            const GpuInventory = function (p) {
                this.nvlinkPeers = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuInventory.prototype.uuid = "";
            GpuInventory.prototype.index = 0;
            GpuInventory.prototype.name = "";
            GpuInventory.prototype.model = "";
            GpuInventory.prototype.memoryMib = 0;
            GpuInventory.prototype.pciBusId = "";
            GpuInventory.prototype.migCapable = false;
            GpuInventory.prototype.nvlinkPeers = $util.emptyArray;
            GpuInventory.prototype.iommuGroup = "";

            GpuInventory.create = function(properties) {
                return new GpuInventory(properties);
            };

            GpuInventory.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(10).string(m.uuid);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(16).uint32(m.index);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(26).string(m.name);
                if (m.model != null && $Object.hasOwnProperty.call(m, "model") && m.model !== "")
                    w.uint32(34).string(m.model);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(40).uint32(m.memoryMib);
                if (m.pciBusId != null && $Object.hasOwnProperty.call(m, "pciBusId") && m.pciBusId !== "")
                    w.uint32(50).string(m.pciBusId);
                if (m.migCapable != null && $Object.hasOwnProperty.call(m, "migCapable") && m.migCapable !== false)
                    w.uint32(56).bool(m.migCapable);
                if (m.nvlinkPeers != null && m.nvlinkPeers.length) {
                    for (var i = 0; i < m.nvlinkPeers.length; ++i)
                        w.uint32(66).string(m.nvlinkPeers[i]);
                }
                if (m.iommuGroup != null && $Object.hasOwnProperty.call(m, "iommuGroup") && m.iommuGroup !== "")
                    w.uint32(74).string(m.iommuGroup);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuInventory.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GpuInventory();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.model = v;
                            else
                                delete m.model;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pciBusId = v;
                            else
                                delete m.pciBusId;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.migCapable = v;
                            else
                                delete m.migCapable;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.nvlinkPeers && m.nvlinkPeers.length))
                                m.nvlinkPeers = [];
                            m.nvlinkPeers.push(r.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.iommuGroup = v;
                            else
                                delete m.iommuGroup;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuInventory.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GpuInventory)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GpuInventory: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GpuInventory();
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.model != null) {
                    if (typeof d.model !== "string" || d.model.length) {
                        m.model = $String(d.model);
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib >>> 0;
                    }
                }
                if (d.pciBusId != null) {
                    if (typeof d.pciBusId !== "string" || d.pciBusId.length) {
                        m.pciBusId = $String(d.pciBusId);
                    }
                }
                if (d.migCapable != null) {
                    if (d.migCapable) {
                        m.migCapable = $Boolean(d.migCapable);
                    }
                }
                if (d.nvlinkPeers) {
                    if (!$Array.isArray(d.nvlinkPeers))
                        throw $TypeError(".tessera.v1.GpuInventory.nvlinkPeers: array expected");
                    m.nvlinkPeers = $Array(d.nvlinkPeers.length);
                    for (var i = 0; i < d.nvlinkPeers.length; ++i) {
                        m.nvlinkPeers[i] = $String(d.nvlinkPeers[i]);
                    }
                }
                if (d.iommuGroup != null) {
                    if (typeof d.iommuGroup !== "string" || d.iommuGroup.length) {
                        m.iommuGroup = $String(d.iommuGroup);
                    }
                }
                return m;
            };

            GpuInventory.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.nvlinkPeers = [];
                }
                if (o.defaults) {
                    d.uuid = "";
                    d.index = 0;
                    d.name = "";
                    d.model = "";
                    d.memoryMib = 0;
                    d.pciBusId = "";
                    d.migCapable = false;
                    d.iommuGroup = "";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    d.model = m.model;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.pciBusId != null && $Object.hasOwnProperty.call(m, "pciBusId")) {
                    d.pciBusId = m.pciBusId;
                }
                if (m.migCapable != null && $Object.hasOwnProperty.call(m, "migCapable")) {
                    d.migCapable = m.migCapable;
                }
                if (m.nvlinkPeers && m.nvlinkPeers.length) {
                    d.nvlinkPeers = $Array(m.nvlinkPeers.length);
                    for (var j = 0; j < m.nvlinkPeers.length; ++j) {
                        d.nvlinkPeers[j] = m.nvlinkPeers[j];
                    }
                }
                if (m.iommuGroup != null && $Object.hasOwnProperty.call(m, "iommuGroup")) {
                    d.iommuGroup = m.iommuGroup;
                }
                return d;
            };

            GpuInventory.prototype.toJSON = function() {
                return GpuInventory.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GpuInventory;
        })();

        v1.Register = (function() {

            const Register = function (p) {
                this.labels = {};
                this.gpus = [];
                this.observed = [];
                this.jobs = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Register.prototype.node = "";
            Register.prototype.labels = $util.emptyObject;
            Register.prototype.gpus = $util.emptyArray;
            Register.prototype.cpuMillis = 0;
            Register.prototype.memoryMib = 0;
            Register.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Register.prototype.agentVersion = "";
            Register.prototype.observed = $util.emptyArray;
            Register.prototype.jobs = $util.emptyArray;
            Register.prototype.capabilities = null;
            Register.prototype.address = "";

            Register.create = function(properties) {
                return new Register(properties);
            };

            Register.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(10).string(m.node);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(18).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuInventory.encode(m.gpus[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis") && m.cpuMillis !== 0)
                    w.uint32(32).uint32(m.cpuMillis);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(40).uint32(m.memoryMib);
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(48).uint64(m.generation);
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion") && m.agentVersion !== "")
                    w.uint32(58).string(m.agentVersion);
                if (m.observed != null && m.observed.length) {
                    for (var i = 0; i < m.observed.length; ++i)
                        $root.tessera.v1.GpuObserved.encode(m.observed[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.jobs != null && m.jobs.length) {
                    for (var i = 0; i < m.jobs.length; ++i)
                        $root.tessera.v1.JobObserved.encode(m.jobs[i], w.uint32(74).fork(), q + 1).ldelim();
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities"))
                    $root.tessera.v1.NodeCapabilities.encode(m.capabilities, w.uint32(82).fork(), q + 1).ldelim();
                if (m.address != null && $Object.hasOwnProperty.call(m, "address") && m.address !== "")
                    w.uint32(90).string(m.address);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Register.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Register();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuInventory.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cpuMillis = v;
                            else
                                delete m.cpuMillis;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agentVersion = v;
                            else
                                delete m.agentVersion;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.observed && m.observed.length))
                                m.observed = [];
                            m.observed.push($root.tessera.v1.GpuObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.jobs && m.jobs.length))
                                m.jobs = [];
                            m.jobs.push($root.tessera.v1.JobObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.capabilities = $root.tessera.v1.NodeCapabilities.decode(r, r.size(), $undefined, q + 1, m.capabilities);
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.address = v;
                            else
                                delete m.address;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Register.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Register)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Register: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Register();
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".tessera.v1.Register.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.Register.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.Register.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuInventory.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.cpuMillis != null) {
                    if ($Number(d.cpuMillis) !== 0) {
                        m.cpuMillis = d.cpuMillis >>> 0;
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib >>> 0;
                    }
                }
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.agentVersion != null) {
                    if (typeof d.agentVersion !== "string" || d.agentVersion.length) {
                        m.agentVersion = $String(d.agentVersion);
                    }
                }
                if (d.observed) {
                    if (!$Array.isArray(d.observed))
                        throw $TypeError(".tessera.v1.Register.observed: array expected");
                    m.observed = $Array(d.observed.length);
                    for (var i = 0; i < d.observed.length; ++i) {
                        if (!$util.isObject(d.observed[i]))
                            throw $TypeError(".tessera.v1.Register.observed: object expected");
                        m.observed[i] = $root.tessera.v1.GpuObserved.fromObject(d.observed[i], q + 1);
                    }
                }
                if (d.jobs) {
                    if (!$Array.isArray(d.jobs))
                        throw $TypeError(".tessera.v1.Register.jobs: array expected");
                    m.jobs = $Array(d.jobs.length);
                    for (var i = 0; i < d.jobs.length; ++i) {
                        if (!$util.isObject(d.jobs[i]))
                            throw $TypeError(".tessera.v1.Register.jobs: object expected");
                        m.jobs[i] = $root.tessera.v1.JobObserved.fromObject(d.jobs[i], q + 1);
                    }
                }
                if (d.capabilities != null) {
                    if (!$util.isObject(d.capabilities))
                        throw $TypeError(".tessera.v1.Register.capabilities: object expected");
                    m.capabilities = $root.tessera.v1.NodeCapabilities.fromObject(d.capabilities, q + 1);
                }
                if (d.address != null) {
                    if (typeof d.address !== "string" || d.address.length) {
                        m.address = $String(d.address);
                    }
                }
                return m;
            };

            Register.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.observed = [];
                    d.jobs = [];
                }
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.node = "";
                    d.cpuMillis = 0;
                    d.memoryMib = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.agentVersion = "";
                    d.capabilities = null;
                    d.address = "";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuInventory.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis")) {
                    d.cpuMillis = m.cpuMillis;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion")) {
                    d.agentVersion = m.agentVersion;
                }
                if (m.observed && m.observed.length) {
                    d.observed = $Array(m.observed.length);
                    for (var j = 0; j < m.observed.length; ++j) {
                        d.observed[j] = $root.tessera.v1.GpuObserved.toObject(m.observed[j], o, q + 1);
                    }
                }
                if (m.jobs && m.jobs.length) {
                    d.jobs = $Array(m.jobs.length);
                    for (var j = 0; j < m.jobs.length; ++j) {
                        d.jobs[j] = $root.tessera.v1.JobObserved.toObject(m.jobs[j], o, q + 1);
                    }
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    d.capabilities = $root.tessera.v1.NodeCapabilities.toObject(m.capabilities, o, q + 1);
                }
                if (m.address != null && $Object.hasOwnProperty.call(m, "address")) {
                    d.address = m.address;
                }
                return d;
            };

            Register.prototype.toJSON = function() {
                return Register.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Register;
        })();

        v1.NodeCapabilities = (function() {

            const NodeCapabilities = function (p) {
                this.vmRuntimes = [];
                this.containerRuntimes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            NodeCapabilities.prototype.vmRuntimes = $util.emptyArray;
            NodeCapabilities.prototype.mps = false;
            NodeCapabilities.prototype.containerRuntimes = $util.emptyArray;
            NodeCapabilities.prototype.probed = false;

            NodeCapabilities.create = function(properties) {
                return new NodeCapabilities(properties);
            };

            NodeCapabilities.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.vmRuntimes != null && m.vmRuntimes.length) {
                    for (var i = 0; i < m.vmRuntimes.length; ++i)
                        w.uint32(10).string(m.vmRuntimes[i]);
                }
                if (m.mps != null && $Object.hasOwnProperty.call(m, "mps") && m.mps !== false)
                    w.uint32(16).bool(m.mps);
                if (m.containerRuntimes != null && m.containerRuntimes.length) {
                    for (var i = 0; i < m.containerRuntimes.length; ++i)
                        w.uint32(26).string(m.containerRuntimes[i]);
                }
                if (m.probed != null && $Object.hasOwnProperty.call(m, "probed") && m.probed !== false)
                    w.uint32(32).bool(m.probed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            NodeCapabilities.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.NodeCapabilities();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.vmRuntimes && m.vmRuntimes.length))
                                m.vmRuntimes = [];
                            m.vmRuntimes.push(r.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.mps = v;
                            else
                                delete m.mps;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.containerRuntimes && m.containerRuntimes.length))
                                m.containerRuntimes = [];
                            m.containerRuntimes.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.probed = v;
                            else
                                delete m.probed;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            NodeCapabilities.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.NodeCapabilities)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.NodeCapabilities: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.NodeCapabilities();
                if (d.vmRuntimes) {
                    if (!$Array.isArray(d.vmRuntimes))
                        throw $TypeError(".tessera.v1.NodeCapabilities.vmRuntimes: array expected");
                    m.vmRuntimes = $Array(d.vmRuntimes.length);
                    for (var i = 0; i < d.vmRuntimes.length; ++i) {
                        m.vmRuntimes[i] = $String(d.vmRuntimes[i]);
                    }
                }
                if (d.mps != null) {
                    if (d.mps) {
                        m.mps = $Boolean(d.mps);
                    }
                }
                if (d.containerRuntimes) {
                    if (!$Array.isArray(d.containerRuntimes))
                        throw $TypeError(".tessera.v1.NodeCapabilities.containerRuntimes: array expected");
                    m.containerRuntimes = $Array(d.containerRuntimes.length);
                    for (var i = 0; i < d.containerRuntimes.length; ++i) {
                        m.containerRuntimes[i] = $String(d.containerRuntimes[i]);
                    }
                }
                if (d.probed != null) {
                    if (d.probed) {
                        m.probed = $Boolean(d.probed);
                    }
                }
                return m;
            };

            NodeCapabilities.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.vmRuntimes = [];
                    d.containerRuntimes = [];
                }
                if (o.defaults) {
                    d.mps = false;
                    d.probed = false;
                }
                if (m.vmRuntimes && m.vmRuntimes.length) {
                    d.vmRuntimes = $Array(m.vmRuntimes.length);
                    for (var j = 0; j < m.vmRuntimes.length; ++j) {
                        d.vmRuntimes[j] = m.vmRuntimes[j];
                    }
                }
                if (m.mps != null && $Object.hasOwnProperty.call(m, "mps")) {
                    d.mps = m.mps;
                }
                if (m.containerRuntimes && m.containerRuntimes.length) {
                    d.containerRuntimes = $Array(m.containerRuntimes.length);
                    for (var j = 0; j < m.containerRuntimes.length; ++j) {
                        d.containerRuntimes[j] = m.containerRuntimes[j];
                    }
                }
                if (m.probed != null && $Object.hasOwnProperty.call(m, "probed")) {
                    d.probed = m.probed;
                }
                return d;
            };

            NodeCapabilities.prototype.toJSON = function() {
                return NodeCapabilities.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NodeCapabilities;
        })();

        v1.MigInstance = (function() {

            const MigInstance = function (p) {
                this.pids = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MigInstance.prototype.profile = "";
            MigInstance.prototype.start = 0;
            MigInstance.prototype.size = 0;
            MigInstance.prototype.gpuInstanceId = 0;
            MigInstance.prototype.computeInstanceId = 0;
            MigInstance.prototype.uuid = "";
            MigInstance.prototype.pids = $util.emptyArray;
            MigInstance.prototype.memoryUsedMib = 0;
            MigInstance.prototype.migDeviceIndex = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(MigInstance.prototype, "_migDeviceIndex", {
                get: $util.oneOfGetter($oneOfFields = ["migDeviceIndex"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            MigInstance.create = function(properties) {
                return new MigInstance(properties);
            };

            MigInstance.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile") && m.profile !== "")
                    w.uint32(10).string(m.profile);
                if (m.start != null && $Object.hasOwnProperty.call(m, "start") && m.start !== 0)
                    w.uint32(16).uint32(m.start);
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && m.size !== 0)
                    w.uint32(24).uint32(m.size);
                if (m.gpuInstanceId != null && $Object.hasOwnProperty.call(m, "gpuInstanceId") && m.gpuInstanceId !== 0)
                    w.uint32(32).uint32(m.gpuInstanceId);
                if (m.computeInstanceId != null && $Object.hasOwnProperty.call(m, "computeInstanceId") && m.computeInstanceId !== 0)
                    w.uint32(40).uint32(m.computeInstanceId);
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(50).string(m.uuid);
                if (m.pids != null && m.pids.length) {
                    w.uint32(58).uint32s(m.pids);
                }
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib") && m.memoryUsedMib !== 0)
                    w.uint32(64).uint32(m.memoryUsedMib);
                if (m.migDeviceIndex != null && $Object.hasOwnProperty.call(m, "migDeviceIndex"))
                    w.uint32(72).uint32(m.migDeviceIndex);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MigInstance.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.MigInstance();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.profile = v;
                            else
                                delete m.profile;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.start = v;
                            else
                                delete m.start;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.gpuInstanceId = v;
                            else
                                delete m.gpuInstanceId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.computeInstanceId = v;
                            else
                                delete m.computeInstanceId;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 7: {
                            if (u === 2) {
                                if (!(m.pids && m.pids.length))
                                    m.pids = [];
                                r.uint32s(m.pids);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.pids && m.pids.length))
                                m.pids = [];
                            m.pids.push(r.uint32());
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryUsedMib = v;
                            else
                                delete m.memoryUsedMib;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            m.migDeviceIndex = r.uint32();
                            m._migDeviceIndex = "migDeviceIndex";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MigInstance.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.MigInstance)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.MigInstance: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.MigInstance();
                if (d.profile != null) {
                    if (typeof d.profile !== "string" || d.profile.length) {
                        m.profile = $String(d.profile);
                    }
                }
                if (d.start != null) {
                    if ($Number(d.start) !== 0) {
                        m.start = d.start >>> 0;
                    }
                }
                if (d.size != null) {
                    if ($Number(d.size) !== 0) {
                        m.size = d.size >>> 0;
                    }
                }
                if (d.gpuInstanceId != null) {
                    if ($Number(d.gpuInstanceId) !== 0) {
                        m.gpuInstanceId = d.gpuInstanceId >>> 0;
                    }
                }
                if (d.computeInstanceId != null) {
                    if ($Number(d.computeInstanceId) !== 0) {
                        m.computeInstanceId = d.computeInstanceId >>> 0;
                    }
                }
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.pids) {
                    if (!$Array.isArray(d.pids))
                        throw $TypeError(".tessera.v1.MigInstance.pids: array expected");
                    m.pids = $Array(d.pids.length);
                    for (var i = 0; i < d.pids.length; ++i) {
                        m.pids[i] = d.pids[i] >>> 0;
                    }
                }
                if (d.memoryUsedMib != null) {
                    if ($Number(d.memoryUsedMib) !== 0) {
                        m.memoryUsedMib = d.memoryUsedMib >>> 0;
                    }
                }
                if (d.migDeviceIndex != null) {
                    m.migDeviceIndex = d.migDeviceIndex >>> 0;
                }
                return m;
            };

            MigInstance.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.pids = [];
                }
                if (o.defaults) {
                    d.profile = "";
                    d.start = 0;
                    d.size = 0;
                    d.gpuInstanceId = 0;
                    d.computeInstanceId = 0;
                    d.uuid = "";
                    d.memoryUsedMib = 0;
                }
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile")) {
                    d.profile = m.profile;
                }
                if (m.start != null && $Object.hasOwnProperty.call(m, "start")) {
                    d.start = m.start;
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    d.size = m.size;
                }
                if (m.gpuInstanceId != null && $Object.hasOwnProperty.call(m, "gpuInstanceId")) {
                    d.gpuInstanceId = m.gpuInstanceId;
                }
                if (m.computeInstanceId != null && $Object.hasOwnProperty.call(m, "computeInstanceId")) {
                    d.computeInstanceId = m.computeInstanceId;
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.pids && m.pids.length) {
                    d.pids = $Array(m.pids.length);
                    for (var j = 0; j < m.pids.length; ++j) {
                        d.pids[j] = m.pids[j];
                    }
                }
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib")) {
                    d.memoryUsedMib = m.memoryUsedMib;
                }
                if (m.migDeviceIndex != null && $Object.hasOwnProperty.call(m, "migDeviceIndex")) {
                    d.migDeviceIndex = m.migDeviceIndex;
                }
                return d;
            };

            MigInstance.prototype.toJSON = function() {
                return MigInstance.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MigInstance;
        })();

        v1.GpuObserved = (function() {

            const GpuObserved = function (p) {
                this.instances = [];
                this.pids = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuObserved.prototype.uuid = "";
            GpuObserved.prototype.migEnabled = false;
            GpuObserved.prototype.instances = $util.emptyArray;
            GpuObserved.prototype.utilizationPercent = 0;
            GpuObserved.prototype.memoryUsedMib = 0;
            GpuObserved.prototype.health = "";
            GpuObserved.prototype.pids = $util.emptyArray;
            GpuObserved.prototype.utilizationUnsupported = false;
            GpuObserved.prototype.temperatureC = 0;
            GpuObserved.prototype.powerMw = 0;
            GpuObserved.prototype.layoutError = "";

            GpuObserved.create = function(properties) {
                return new GpuObserved(properties);
            };

            GpuObserved.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(10).string(m.uuid);
                if (m.migEnabled != null && $Object.hasOwnProperty.call(m, "migEnabled") && m.migEnabled !== false)
                    w.uint32(16).bool(m.migEnabled);
                if (m.instances != null && m.instances.length) {
                    for (var i = 0; i < m.instances.length; ++i)
                        $root.tessera.v1.MigInstance.encode(m.instances[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.utilizationPercent != null && $Object.hasOwnProperty.call(m, "utilizationPercent") && m.utilizationPercent !== 0)
                    w.uint32(32).uint32(m.utilizationPercent);
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib") && m.memoryUsedMib !== 0)
                    w.uint32(40).uint32(m.memoryUsedMib);
                if (m.health != null && $Object.hasOwnProperty.call(m, "health") && m.health !== "")
                    w.uint32(50).string(m.health);
                if (m.pids != null && m.pids.length) {
                    w.uint32(58).uint32s(m.pids);
                }
                if (m.utilizationUnsupported != null && $Object.hasOwnProperty.call(m, "utilizationUnsupported") && m.utilizationUnsupported !== false)
                    w.uint32(64).bool(m.utilizationUnsupported);
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC") && m.temperatureC !== 0)
                    w.uint32(72).uint32(m.temperatureC);
                if (m.powerMw != null && $Object.hasOwnProperty.call(m, "powerMw") && m.powerMw !== 0)
                    w.uint32(80).uint32(m.powerMw);
                if (m.layoutError != null && $Object.hasOwnProperty.call(m, "layoutError") && m.layoutError !== "")
                    w.uint32(90).string(m.layoutError);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuObserved.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GpuObserved();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.migEnabled = v;
                            else
                                delete m.migEnabled;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.instances && m.instances.length))
                                m.instances = [];
                            m.instances.push($root.tessera.v1.MigInstance.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.utilizationPercent = v;
                            else
                                delete m.utilizationPercent;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryUsedMib = v;
                            else
                                delete m.memoryUsedMib;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.health = v;
                            else
                                delete m.health;
                            continue;
                        }
                    case 7: {
                            if (u === 2) {
                                if (!(m.pids && m.pids.length))
                                    m.pids = [];
                                r.uint32s(m.pids);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.pids && m.pids.length))
                                m.pids = [];
                            m.pids.push(r.uint32());
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.utilizationUnsupported = v;
                            else
                                delete m.utilizationUnsupported;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.temperatureC = v;
                            else
                                delete m.temperatureC;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.powerMw = v;
                            else
                                delete m.powerMw;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.layoutError = v;
                            else
                                delete m.layoutError;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuObserved.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GpuObserved)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GpuObserved: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GpuObserved();
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.migEnabled != null) {
                    if (d.migEnabled) {
                        m.migEnabled = $Boolean(d.migEnabled);
                    }
                }
                if (d.instances) {
                    if (!$Array.isArray(d.instances))
                        throw $TypeError(".tessera.v1.GpuObserved.instances: array expected");
                    m.instances = $Array(d.instances.length);
                    for (var i = 0; i < d.instances.length; ++i) {
                        if (!$util.isObject(d.instances[i]))
                            throw $TypeError(".tessera.v1.GpuObserved.instances: object expected");
                        m.instances[i] = $root.tessera.v1.MigInstance.fromObject(d.instances[i], q + 1);
                    }
                }
                if (d.utilizationPercent != null) {
                    if ($Number(d.utilizationPercent) !== 0) {
                        m.utilizationPercent = d.utilizationPercent >>> 0;
                    }
                }
                if (d.memoryUsedMib != null) {
                    if ($Number(d.memoryUsedMib) !== 0) {
                        m.memoryUsedMib = d.memoryUsedMib >>> 0;
                    }
                }
                if (d.health != null) {
                    if (typeof d.health !== "string" || d.health.length) {
                        m.health = $String(d.health);
                    }
                }
                if (d.pids) {
                    if (!$Array.isArray(d.pids))
                        throw $TypeError(".tessera.v1.GpuObserved.pids: array expected");
                    m.pids = $Array(d.pids.length);
                    for (var i = 0; i < d.pids.length; ++i) {
                        m.pids[i] = d.pids[i] >>> 0;
                    }
                }
                if (d.utilizationUnsupported != null) {
                    if (d.utilizationUnsupported) {
                        m.utilizationUnsupported = $Boolean(d.utilizationUnsupported);
                    }
                }
                if (d.temperatureC != null) {
                    if ($Number(d.temperatureC) !== 0) {
                        m.temperatureC = d.temperatureC >>> 0;
                    }
                }
                if (d.powerMw != null) {
                    if ($Number(d.powerMw) !== 0) {
                        m.powerMw = d.powerMw >>> 0;
                    }
                }
                if (d.layoutError != null) {
                    if (typeof d.layoutError !== "string" || d.layoutError.length) {
                        m.layoutError = $String(d.layoutError);
                    }
                }
                return m;
            };

            GpuObserved.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.instances = [];
                    d.pids = [];
                }
                if (o.defaults) {
                    d.uuid = "";
                    d.migEnabled = false;
                    d.utilizationPercent = 0;
                    d.memoryUsedMib = 0;
                    d.health = "";
                    d.utilizationUnsupported = false;
                    d.temperatureC = 0;
                    d.powerMw = 0;
                    d.layoutError = "";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.migEnabled != null && $Object.hasOwnProperty.call(m, "migEnabled")) {
                    d.migEnabled = m.migEnabled;
                }
                if (m.instances && m.instances.length) {
                    d.instances = $Array(m.instances.length);
                    for (var j = 0; j < m.instances.length; ++j) {
                        d.instances[j] = $root.tessera.v1.MigInstance.toObject(m.instances[j], o, q + 1);
                    }
                }
                if (m.utilizationPercent != null && $Object.hasOwnProperty.call(m, "utilizationPercent")) {
                    d.utilizationPercent = m.utilizationPercent;
                }
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib")) {
                    d.memoryUsedMib = m.memoryUsedMib;
                }
                if (m.health != null && $Object.hasOwnProperty.call(m, "health")) {
                    d.health = m.health;
                }
                if (m.pids && m.pids.length) {
                    d.pids = $Array(m.pids.length);
                    for (var j = 0; j < m.pids.length; ++j) {
                        d.pids[j] = m.pids[j];
                    }
                }
                if (m.utilizationUnsupported != null && $Object.hasOwnProperty.call(m, "utilizationUnsupported")) {
                    d.utilizationUnsupported = m.utilizationUnsupported;
                }
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC")) {
                    d.temperatureC = m.temperatureC;
                }
                if (m.powerMw != null && $Object.hasOwnProperty.call(m, "powerMw")) {
                    d.powerMw = m.powerMw;
                }
                if (m.layoutError != null && $Object.hasOwnProperty.call(m, "layoutError")) {
                    d.layoutError = m.layoutError;
                }
                return d;
            };

            GpuObserved.prototype.toJSON = function() {
                return GpuObserved.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GpuObserved;
        })();

        v1.JobObserved = (function() {

            const JobObserved = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobObserved.prototype.jobId = "";
            JobObserved.prototype.attempt = 0;
            JobObserved.prototype.state = "";
            JobObserved.prototype.pid = 0;
            JobObserved.prototype.exitCode = 0;
            JobObserved.prototype.signal = "";
            JobObserved.prototype.logPath = "";
            JobObserved.prototype.message = "";
            JobObserved.prototype.visibleDevices = "";
            JobObserved.prototype.startedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobObserved.prototype.finishedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobObserved.prototype.interruption = "";

            JobObserved.create = function(properties) {
                return new JobObserved(properties);
            };

            JobObserved.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(16).uint32(m.attempt);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(26).string(m.state);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(32).uint32(m.pid);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                    w.uint32(40).int32(m.exitCode);
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                    w.uint32(50).string(m.signal);
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath") && m.logPath !== "")
                    w.uint32(58).string(m.logPath);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(66).string(m.message);
                if (m.visibleDevices != null && $Object.hasOwnProperty.call(m, "visibleDevices") && m.visibleDevices !== "")
                    w.uint32(74).string(m.visibleDevices);
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs") && (typeof m.startedUnixMs === "object" ? m.startedUnixMs.low || m.startedUnixMs.high : m.startedUnixMs !== 0))
                    w.uint32(80).int64(m.startedUnixMs);
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs") && (typeof m.finishedUnixMs === "object" ? m.finishedUnixMs.low || m.finishedUnixMs.high : m.finishedUnixMs !== 0))
                    w.uint32(88).int64(m.finishedUnixMs);
                if (m.interruption != null && $Object.hasOwnProperty.call(m, "interruption") && m.interruption !== "")
                    w.uint32(98).string(m.interruption);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobObserved.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobObserved();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.exitCode = v;
                            else
                                delete m.exitCode;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signal = v;
                            else
                                delete m.signal;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.logPath = v;
                            else
                                delete m.logPath;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.visibleDevices = v;
                            else
                                delete m.visibleDevices;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedUnixMs = v;
                            else
                                delete m.startedUnixMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.finishedUnixMs = v;
                            else
                                delete m.finishedUnixMs;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.interruption = v;
                            else
                                delete m.interruption;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobObserved.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobObserved)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobObserved: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobObserved();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.exitCode != null) {
                    if ($Number(d.exitCode) !== 0) {
                        m.exitCode = d.exitCode | 0;
                    }
                }
                if (d.signal != null) {
                    if (typeof d.signal !== "string" || d.signal.length) {
                        m.signal = $String(d.signal);
                    }
                }
                if (d.logPath != null) {
                    if (typeof d.logPath !== "string" || d.logPath.length) {
                        m.logPath = $String(d.logPath);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                if (d.visibleDevices != null) {
                    if (typeof d.visibleDevices !== "string" || d.visibleDevices.length) {
                        m.visibleDevices = $String(d.visibleDevices);
                    }
                }
                if (d.startedUnixMs != null) {
                    if (typeof d.startedUnixMs === "object" ? d.startedUnixMs.low || d.startedUnixMs.high : $Number(d.startedUnixMs) !== 0) {
                        if ($util.Long)
                            m.startedUnixMs = $util.Long.fromValue(d.startedUnixMs, false);
                        else if (typeof d.startedUnixMs === "string")
                            m.startedUnixMs = $parseInt(d.startedUnixMs, 10);
                        else if (typeof d.startedUnixMs === "number")
                            m.startedUnixMs = d.startedUnixMs;
                        else if (typeof d.startedUnixMs === "object")
                            m.startedUnixMs = new $util.LongBits(d.startedUnixMs.low >>> 0, d.startedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.finishedUnixMs != null) {
                    if (typeof d.finishedUnixMs === "object" ? d.finishedUnixMs.low || d.finishedUnixMs.high : $Number(d.finishedUnixMs) !== 0) {
                        if ($util.Long)
                            m.finishedUnixMs = $util.Long.fromValue(d.finishedUnixMs, false);
                        else if (typeof d.finishedUnixMs === "string")
                            m.finishedUnixMs = $parseInt(d.finishedUnixMs, 10);
                        else if (typeof d.finishedUnixMs === "number")
                            m.finishedUnixMs = d.finishedUnixMs;
                        else if (typeof d.finishedUnixMs === "object")
                            m.finishedUnixMs = new $util.LongBits(d.finishedUnixMs.low >>> 0, d.finishedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.interruption != null) {
                    if (typeof d.interruption !== "string" || d.interruption.length) {
                        m.interruption = $String(d.interruption);
                    }
                }
                return m;
            };

            JobObserved.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.jobId = "";
                    d.attempt = 0;
                    d.state = "";
                    d.pid = 0;
                    d.exitCode = 0;
                    d.signal = "";
                    d.logPath = "";
                    d.message = "";
                    d.visibleDevices = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.finishedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finishedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.interruption = "";
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    d.exitCode = m.exitCode;
                }
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal")) {
                    d.signal = m.signal;
                }
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath")) {
                    d.logPath = m.logPath;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.visibleDevices != null && $Object.hasOwnProperty.call(m, "visibleDevices")) {
                    d.visibleDevices = m.visibleDevices;
                }
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedUnixMs = typeof m.startedUnixMs === "number" ? $BigInt(m.startedUnixMs) : $util.Long.fromBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startedUnixMs === "number")
                        d.startedUnixMs = o.longs === $String ? $String(m.startedUnixMs) : m.startedUnixMs;
                    else
                        d.startedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startedUnixMs) : o.longs === $Number ? new $util.LongBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0).toNumber() : m.startedUnixMs;
                }
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finishedUnixMs = typeof m.finishedUnixMs === "number" ? $BigInt(m.finishedUnixMs) : $util.Long.fromBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.finishedUnixMs === "number")
                        d.finishedUnixMs = o.longs === $String ? $String(m.finishedUnixMs) : m.finishedUnixMs;
                    else
                        d.finishedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.finishedUnixMs) : o.longs === $Number ? new $util.LongBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0).toNumber() : m.finishedUnixMs;
                }
                if (m.interruption != null && $Object.hasOwnProperty.call(m, "interruption")) {
                    d.interruption = m.interruption;
                }
                return d;
            };

            JobObserved.prototype.toJSON = function() {
                return JobObserved.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobObserved;
        })();

        v1.Report = (function() {

            const Report = function (p) {
                this.gpus = [];
                this.jobs = [];
                this.errors = [];
                this.kubeletAllocations = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Report.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Report.prototype.gpus = $util.emptyArray;
            Report.prototype.jobs = $util.emptyArray;
            Report.prototype.errors = $util.emptyArray;
            Report.prototype.kubeletAllocations = $util.emptyArray;
            Report.prototype.capabilities = null;
            Report.prototype.delta = false;
            Report.prototype.jobsChanged = false;
            Report.prototype.errorsChanged = false;
            Report.prototype.kubeletAllocationsChanged = false;

            Report.create = function(properties) {
                return new Report(properties);
            };

            Report.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(8).uint64(m.generation);
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuObserved.encode(m.gpus[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                if (m.jobs != null && m.jobs.length) {
                    for (var i = 0; i < m.jobs.length; ++i)
                        $root.tessera.v1.JobObserved.encode(m.jobs[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        w.uint32(34).string(m.errors[i]);
                }
                if (m.kubeletAllocations != null && m.kubeletAllocations.length) {
                    for (var i = 0; i < m.kubeletAllocations.length; ++i)
                        $root.tessera.v1.KubeletAllocation.encode(m.kubeletAllocations[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities"))
                    $root.tessera.v1.NodeCapabilities.encode(m.capabilities, w.uint32(50).fork(), q + 1).ldelim();
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && m.delta !== false)
                    w.uint32(56).bool(m.delta);
                if (m.jobsChanged != null && $Object.hasOwnProperty.call(m, "jobsChanged") && m.jobsChanged !== false)
                    w.uint32(64).bool(m.jobsChanged);
                if (m.errorsChanged != null && $Object.hasOwnProperty.call(m, "errorsChanged") && m.errorsChanged !== false)
                    w.uint32(72).bool(m.errorsChanged);
                if (m.kubeletAllocationsChanged != null && $Object.hasOwnProperty.call(m, "kubeletAllocationsChanged") && m.kubeletAllocationsChanged !== false)
                    w.uint32(80).bool(m.kubeletAllocationsChanged);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Report.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Report();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.jobs && m.jobs.length))
                                m.jobs = [];
                            m.jobs.push($root.tessera.v1.JobObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.kubeletAllocations && m.kubeletAllocations.length))
                                m.kubeletAllocations = [];
                            m.kubeletAllocations.push($root.tessera.v1.KubeletAllocation.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.capabilities = $root.tessera.v1.NodeCapabilities.decode(r, r.size(), $undefined, q + 1, m.capabilities);
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.jobsChanged = v;
                            else
                                delete m.jobsChanged;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.errorsChanged = v;
                            else
                                delete m.errorsChanged;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.kubeletAllocationsChanged = v;
                            else
                                delete m.kubeletAllocationsChanged;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Report.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Report)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Report: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Report();
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.Report.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.Report.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuObserved.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.jobs) {
                    if (!$Array.isArray(d.jobs))
                        throw $TypeError(".tessera.v1.Report.jobs: array expected");
                    m.jobs = $Array(d.jobs.length);
                    for (var i = 0; i < d.jobs.length; ++i) {
                        if (!$util.isObject(d.jobs[i]))
                            throw $TypeError(".tessera.v1.Report.jobs: object expected");
                        m.jobs[i] = $root.tessera.v1.JobObserved.fromObject(d.jobs[i], q + 1);
                    }
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".tessera.v1.Report.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        m.errors[i] = $String(d.errors[i]);
                    }
                }
                if (d.kubeletAllocations) {
                    if (!$Array.isArray(d.kubeletAllocations))
                        throw $TypeError(".tessera.v1.Report.kubeletAllocations: array expected");
                    m.kubeletAllocations = $Array(d.kubeletAllocations.length);
                    for (var i = 0; i < d.kubeletAllocations.length; ++i) {
                        if (!$util.isObject(d.kubeletAllocations[i]))
                            throw $TypeError(".tessera.v1.Report.kubeletAllocations: object expected");
                        m.kubeletAllocations[i] = $root.tessera.v1.KubeletAllocation.fromObject(d.kubeletAllocations[i], q + 1);
                    }
                }
                if (d.capabilities != null) {
                    if (!$util.isObject(d.capabilities))
                        throw $TypeError(".tessera.v1.Report.capabilities: object expected");
                    m.capabilities = $root.tessera.v1.NodeCapabilities.fromObject(d.capabilities, q + 1);
                }
                if (d.delta != null) {
                    if (d.delta) {
                        m.delta = $Boolean(d.delta);
                    }
                }
                if (d.jobsChanged != null) {
                    if (d.jobsChanged) {
                        m.jobsChanged = $Boolean(d.jobsChanged);
                    }
                }
                if (d.errorsChanged != null) {
                    if (d.errorsChanged) {
                        m.errorsChanged = $Boolean(d.errorsChanged);
                    }
                }
                if (d.kubeletAllocationsChanged != null) {
                    if (d.kubeletAllocationsChanged) {
                        m.kubeletAllocationsChanged = $Boolean(d.kubeletAllocationsChanged);
                    }
                }
                return m;
            };

            Report.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.jobs = [];
                    d.errors = [];
                    d.kubeletAllocations = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.capabilities = null;
                    d.delta = false;
                    d.jobsChanged = false;
                    d.errorsChanged = false;
                    d.kubeletAllocationsChanged = false;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuObserved.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.jobs && m.jobs.length) {
                    d.jobs = $Array(m.jobs.length);
                    for (var j = 0; j < m.jobs.length; ++j) {
                        d.jobs[j] = $root.tessera.v1.JobObserved.toObject(m.jobs[j], o, q + 1);
                    }
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = m.errors[j];
                    }
                }
                if (m.kubeletAllocations && m.kubeletAllocations.length) {
                    d.kubeletAllocations = $Array(m.kubeletAllocations.length);
                    for (var j = 0; j < m.kubeletAllocations.length; ++j) {
                        d.kubeletAllocations[j] = $root.tessera.v1.KubeletAllocation.toObject(m.kubeletAllocations[j], o, q + 1);
                    }
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    d.capabilities = $root.tessera.v1.NodeCapabilities.toObject(m.capabilities, o, q + 1);
                }
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    d.delta = m.delta;
                }
                if (m.jobsChanged != null && $Object.hasOwnProperty.call(m, "jobsChanged")) {
                    d.jobsChanged = m.jobsChanged;
                }
                if (m.errorsChanged != null && $Object.hasOwnProperty.call(m, "errorsChanged")) {
                    d.errorsChanged = m.errorsChanged;
                }
                if (m.kubeletAllocationsChanged != null && $Object.hasOwnProperty.call(m, "kubeletAllocationsChanged")) {
                    d.kubeletAllocationsChanged = m.kubeletAllocationsChanged;
                }
                return d;
            };

            Report.prototype.toJSON = function() {
                return Report.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Report;
        })();

        v1.KubeletAllocation = (function() {

            const KubeletAllocation = function (p) {
                this.deviceIds = [];
                this.gpuUuids = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            KubeletAllocation.prototype.resourceName = "";
            KubeletAllocation.prototype.kind = "";
            KubeletAllocation.prototype.deviceIds = $util.emptyArray;
            KubeletAllocation.prototype.gpuUuids = $util.emptyArray;

            KubeletAllocation.create = function(properties) {
                return new KubeletAllocation(properties);
            };

            KubeletAllocation.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.resourceName != null && $Object.hasOwnProperty.call(m, "resourceName") && m.resourceName !== "")
                    w.uint32(10).string(m.resourceName);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(18).string(m.kind);
                if (m.deviceIds != null && m.deviceIds.length) {
                    for (var i = 0; i < m.deviceIds.length; ++i)
                        w.uint32(26).string(m.deviceIds[i]);
                }
                if (m.gpuUuids != null && m.gpuUuids.length) {
                    for (var i = 0; i < m.gpuUuids.length; ++i)
                        w.uint32(34).string(m.gpuUuids[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            KubeletAllocation.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.KubeletAllocation();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.resourceName = v;
                            else
                                delete m.resourceName;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.deviceIds && m.deviceIds.length))
                                m.deviceIds = [];
                            m.deviceIds.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.gpuUuids && m.gpuUuids.length))
                                m.gpuUuids = [];
                            m.gpuUuids.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            KubeletAllocation.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.KubeletAllocation)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.KubeletAllocation: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.KubeletAllocation();
                if (d.resourceName != null) {
                    if (typeof d.resourceName !== "string" || d.resourceName.length) {
                        m.resourceName = $String(d.resourceName);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.deviceIds) {
                    if (!$Array.isArray(d.deviceIds))
                        throw $TypeError(".tessera.v1.KubeletAllocation.deviceIds: array expected");
                    m.deviceIds = $Array(d.deviceIds.length);
                    for (var i = 0; i < d.deviceIds.length; ++i) {
                        m.deviceIds[i] = $String(d.deviceIds[i]);
                    }
                }
                if (d.gpuUuids) {
                    if (!$Array.isArray(d.gpuUuids))
                        throw $TypeError(".tessera.v1.KubeletAllocation.gpuUuids: array expected");
                    m.gpuUuids = $Array(d.gpuUuids.length);
                    for (var i = 0; i < d.gpuUuids.length; ++i) {
                        m.gpuUuids[i] = $String(d.gpuUuids[i]);
                    }
                }
                return m;
            };

            KubeletAllocation.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.deviceIds = [];
                    d.gpuUuids = [];
                }
                if (o.defaults) {
                    d.resourceName = "";
                    d.kind = "";
                }
                if (m.resourceName != null && $Object.hasOwnProperty.call(m, "resourceName")) {
                    d.resourceName = m.resourceName;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.deviceIds && m.deviceIds.length) {
                    d.deviceIds = $Array(m.deviceIds.length);
                    for (var j = 0; j < m.deviceIds.length; ++j) {
                        d.deviceIds[j] = m.deviceIds[j];
                    }
                }
                if (m.gpuUuids && m.gpuUuids.length) {
                    d.gpuUuids = $Array(m.gpuUuids.length);
                    for (var j = 0; j < m.gpuUuids.length; ++j) {
                        d.gpuUuids[j] = m.gpuUuids[j];
                    }
                }
                return d;
            };

            KubeletAllocation.prototype.toJSON = function() {
                return KubeletAllocation.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KubeletAllocation;
        })();

        v1.AgentLogChunk = (function() {

            const AgentLogChunk = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AgentLogChunk.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            AgentLogChunk.prototype.data = $util.newBuffer([]);
            AgentLogChunk.prototype.eof = false;
            AgentLogChunk.prototype.error = "";

            AgentLogChunk.create = function(properties) {
                return new AgentLogChunk(properties);
            };

            AgentLogChunk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                    w.uint32(8).uint64(m.requestId);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(18).bytes(m.data);
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof") && m.eof !== false)
                    w.uint32(24).bool(m.eof);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(34).string(m.error);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AgentLogChunk.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AgentLogChunk();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.requestId = v;
                            else
                                delete m.requestId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.eof = v;
                            else
                                delete m.eof;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AgentLogChunk.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AgentLogChunk)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AgentLogChunk: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AgentLogChunk();
                if (d.requestId != null) {
                    if (typeof d.requestId === "object" ? d.requestId.low || d.requestId.high : $Number(d.requestId) !== 0) {
                        if ($util.Long)
                            m.requestId = $util.Long.fromValue(d.requestId, true);
                        else if (typeof d.requestId === "string")
                            m.requestId = $parseInt(d.requestId, 10);
                        else if (typeof d.requestId === "number")
                            m.requestId = d.requestId;
                        else if (typeof d.requestId === "object")
                            m.requestId = new $util.LongBits(d.requestId.low >>> 0, d.requestId.high >>> 0).toNumber(true);
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                if (d.eof != null) {
                    if (d.eof) {
                        m.eof = $Boolean(d.eof);
                    }
                }
                if (d.error != null) {
                    if (typeof d.error !== "string" || d.error.length) {
                        m.error = $String(d.error);
                    }
                }
                return m;
            };

            AgentLogChunk.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.requestId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.requestId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                    d.eof = false;
                    d.error = "";
                }
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.requestId = typeof m.requestId === "number" ? $BigInt(m.requestId) : $util.Long.fromBits(m.requestId.low >>> 0, m.requestId.high >>> 0, true).toBigInt();
                    else if (typeof m.requestId === "number")
                        d.requestId = o.longs === $String ? $String(m.requestId) : m.requestId;
                    else
                        d.requestId = o.longs === $String ? $util.Long.prototype.toString.call(m.requestId) : o.longs === $Number ? new $util.LongBits(m.requestId.low >>> 0, m.requestId.high >>> 0).toNumber(true) : m.requestId;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof")) {
                    d.eof = m.eof;
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                return d;
            };

            AgentLogChunk.prototype.toJSON = function() {
                return AgentLogChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentLogChunk;
        })();

        v1.AgentMessage = (function() {

            const AgentMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AgentMessage.prototype.register = null;
            AgentMessage.prototype.report = null;
            AgentMessage.prototype.logChunk = null;

            let $oneOfFields;

            $Object.defineProperty(AgentMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["register", "report", "logChunk"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            AgentMessage.create = function(properties) {
                return new AgentMessage(properties);
            };

            AgentMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.register != null && $Object.hasOwnProperty.call(m, "register"))
                    $root.tessera.v1.Register.encode(m.register, w.uint32(10).fork(), q + 1).ldelim();
                if (m.report != null && $Object.hasOwnProperty.call(m, "report"))
                    $root.tessera.v1.Report.encode(m.report, w.uint32(18).fork(), q + 1).ldelim();
                if (m.logChunk != null && $Object.hasOwnProperty.call(m, "logChunk"))
                    $root.tessera.v1.AgentLogChunk.encode(m.logChunk, w.uint32(26).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AgentMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AgentMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.register = $root.tessera.v1.Register.decode(r, r.size(), $undefined, q + 1, m.register);
                            m.body = "register";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.report = $root.tessera.v1.Report.decode(r, r.size(), $undefined, q + 1, m.report);
                            m.body = "report";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.logChunk = $root.tessera.v1.AgentLogChunk.decode(r, r.size(), $undefined, q + 1, m.logChunk);
                            m.body = "logChunk";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AgentMessage.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AgentMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AgentMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AgentMessage();
                if (d.register != null) {
                    if (!$util.isObject(d.register))
                        throw $TypeError(".tessera.v1.AgentMessage.register: object expected");
                    m.register = $root.tessera.v1.Register.fromObject(d.register, q + 1);
                }
                if (d.report != null) {
                    if (!$util.isObject(d.report))
                        throw $TypeError(".tessera.v1.AgentMessage.report: object expected");
                    m.report = $root.tessera.v1.Report.fromObject(d.report, q + 1);
                }
                if (d.logChunk != null) {
                    if (!$util.isObject(d.logChunk))
                        throw $TypeError(".tessera.v1.AgentMessage.logChunk: object expected");
                    m.logChunk = $root.tessera.v1.AgentLogChunk.fromObject(d.logChunk, q + 1);
                }
                return m;
            };

            AgentMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.register != null && $Object.hasOwnProperty.call(m, "register")) {
                    d.register = $root.tessera.v1.Register.toObject(m.register, o, q + 1);
                    if (o.oneofs)
                        d.body = "register";
                }
                if (m.report != null && $Object.hasOwnProperty.call(m, "report")) {
                    d.report = $root.tessera.v1.Report.toObject(m.report, o, q + 1);
                    if (o.oneofs)
                        d.body = "report";
                }
                if (m.logChunk != null && $Object.hasOwnProperty.call(m, "logChunk")) {
                    d.logChunk = $root.tessera.v1.AgentLogChunk.toObject(m.logChunk, o, q + 1);
                    if (o.oneofs)
                        d.body = "logChunk";
                }
                return d;
            };

            AgentMessage.prototype.toJSON = function() {
                return AgentMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentMessage;
        })();

        v1.GpuDesired = (function() {

            const GpuDesired = function (p) {
                this.mig = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuDesired.prototype.uuid = "";
            GpuDesired.prototype.mode = "";
            GpuDesired.prototype.mig = $util.emptyArray;

            GpuDesired.create = function(properties) {
                return new GpuDesired(properties);
            };

            GpuDesired.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(10).string(m.uuid);
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode") && m.mode !== "")
                    w.uint32(18).string(m.mode);
                if (m.mig != null && m.mig.length) {
                    for (var i = 0; i < m.mig.length; ++i)
                        $root.tessera.v1.MigPlacement.encode(m.mig[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuDesired.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GpuDesired();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.mode = v;
                            else
                                delete m.mode;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.mig && m.mig.length))
                                m.mig = [];
                            m.mig.push($root.tessera.v1.MigPlacement.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuDesired.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GpuDesired)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GpuDesired: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GpuDesired();
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.mode != null) {
                    if (typeof d.mode !== "string" || d.mode.length) {
                        m.mode = $String(d.mode);
                    }
                }
                if (d.mig) {
                    if (!$Array.isArray(d.mig))
                        throw $TypeError(".tessera.v1.GpuDesired.mig: array expected");
                    m.mig = $Array(d.mig.length);
                    for (var i = 0; i < d.mig.length; ++i) {
                        if (!$util.isObject(d.mig[i]))
                            throw $TypeError(".tessera.v1.GpuDesired.mig: object expected");
                        m.mig[i] = $root.tessera.v1.MigPlacement.fromObject(d.mig[i], q + 1);
                    }
                }
                return m;
            };

            GpuDesired.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.mig = [];
                }
                if (o.defaults) {
                    d.uuid = "";
                    d.mode = "";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    d.mode = m.mode;
                }
                if (m.mig && m.mig.length) {
                    d.mig = $Array(m.mig.length);
                    for (var j = 0; j < m.mig.length; ++j) {
                        d.mig[j] = $root.tessera.v1.MigPlacement.toObject(m.mig[j], o, q + 1);
                    }
                }
                return d;
            };

            GpuDesired.prototype.toJSON = function() {
                return GpuDesired.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GpuDesired;
        })();

        v1.MigPlacement = (function() {

            const MigPlacement = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MigPlacement.prototype.profile = "";
            MigPlacement.prototype.start = 0;
            MigPlacement.prototype.size = 0;

            MigPlacement.create = function(properties) {
                return new MigPlacement(properties);
            };

            MigPlacement.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile") && m.profile !== "")
                    w.uint32(10).string(m.profile);
                if (m.start != null && $Object.hasOwnProperty.call(m, "start") && m.start !== 0)
                    w.uint32(16).uint32(m.start);
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && m.size !== 0)
                    w.uint32(24).uint32(m.size);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MigPlacement.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.MigPlacement();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.profile = v;
                            else
                                delete m.profile;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.start = v;
                            else
                                delete m.start;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MigPlacement.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.MigPlacement)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.MigPlacement: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.MigPlacement();
                if (d.profile != null) {
                    if (typeof d.profile !== "string" || d.profile.length) {
                        m.profile = $String(d.profile);
                    }
                }
                if (d.start != null) {
                    if ($Number(d.start) !== 0) {
                        m.start = d.start >>> 0;
                    }
                }
                if (d.size != null) {
                    if ($Number(d.size) !== 0) {
                        m.size = d.size >>> 0;
                    }
                }
                return m;
            };

            MigPlacement.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.profile = "";
                    d.start = 0;
                    d.size = 0;
                }
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile")) {
                    d.profile = m.profile;
                }
                if (m.start != null && $Object.hasOwnProperty.call(m, "start")) {
                    d.start = m.start;
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    d.size = m.size;
                }
                return d;
            };

            MigPlacement.prototype.toJSON = function() {
                return MigPlacement.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MigPlacement;
        })();

        v1.AssignedSlice = (function() {

            const AssignedSlice = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AssignedSlice.prototype.gpuUuid = "";
            AssignedSlice.prototype.kind = "";
            AssignedSlice.prototype.migProfile = "";
            AssignedSlice.prototype.migStart = 0;
            AssignedSlice.prototype.shareMilli = 0;
            AssignedSlice.prototype.shareMemoryMib = 0;

            AssignedSlice.create = function(properties) {
                return new AssignedSlice(properties);
            };

            AssignedSlice.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.gpuUuid != null && $Object.hasOwnProperty.call(m, "gpuUuid") && m.gpuUuid !== "")
                    w.uint32(10).string(m.gpuUuid);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(18).string(m.kind);
                if (m.migProfile != null && $Object.hasOwnProperty.call(m, "migProfile") && m.migProfile !== "")
                    w.uint32(26).string(m.migProfile);
                if (m.migStart != null && $Object.hasOwnProperty.call(m, "migStart") && m.migStart !== 0)
                    w.uint32(32).uint32(m.migStart);
                if (m.shareMilli != null && $Object.hasOwnProperty.call(m, "shareMilli") && m.shareMilli !== 0)
                    w.uint32(40).uint32(m.shareMilli);
                if (m.shareMemoryMib != null && $Object.hasOwnProperty.call(m, "shareMemoryMib") && m.shareMemoryMib !== 0)
                    w.uint32(48).uint32(m.shareMemoryMib);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AssignedSlice.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AssignedSlice();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.gpuUuid = v;
                            else
                                delete m.gpuUuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.migProfile = v;
                            else
                                delete m.migProfile;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.migStart = v;
                            else
                                delete m.migStart;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.shareMilli = v;
                            else
                                delete m.shareMilli;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.shareMemoryMib = v;
                            else
                                delete m.shareMemoryMib;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AssignedSlice.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AssignedSlice)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AssignedSlice: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AssignedSlice();
                if (d.gpuUuid != null) {
                    if (typeof d.gpuUuid !== "string" || d.gpuUuid.length) {
                        m.gpuUuid = $String(d.gpuUuid);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.migProfile != null) {
                    if (typeof d.migProfile !== "string" || d.migProfile.length) {
                        m.migProfile = $String(d.migProfile);
                    }
                }
                if (d.migStart != null) {
                    if ($Number(d.migStart) !== 0) {
                        m.migStart = d.migStart >>> 0;
                    }
                }
                if (d.shareMilli != null) {
                    if ($Number(d.shareMilli) !== 0) {
                        m.shareMilli = d.shareMilli >>> 0;
                    }
                }
                if (d.shareMemoryMib != null) {
                    if ($Number(d.shareMemoryMib) !== 0) {
                        m.shareMemoryMib = d.shareMemoryMib >>> 0;
                    }
                }
                return m;
            };

            AssignedSlice.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.gpuUuid = "";
                    d.kind = "";
                    d.migProfile = "";
                    d.migStart = 0;
                    d.shareMilli = 0;
                    d.shareMemoryMib = 0;
                }
                if (m.gpuUuid != null && $Object.hasOwnProperty.call(m, "gpuUuid")) {
                    d.gpuUuid = m.gpuUuid;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.migProfile != null && $Object.hasOwnProperty.call(m, "migProfile")) {
                    d.migProfile = m.migProfile;
                }
                if (m.migStart != null && $Object.hasOwnProperty.call(m, "migStart")) {
                    d.migStart = m.migStart;
                }
                if (m.shareMilli != null && $Object.hasOwnProperty.call(m, "shareMilli")) {
                    d.shareMilli = m.shareMilli;
                }
                if (m.shareMemoryMib != null && $Object.hasOwnProperty.call(m, "shareMemoryMib")) {
                    d.shareMemoryMib = m.shareMemoryMib;
                }
                return d;
            };

            AssignedSlice.prototype.toJSON = function() {
                return AssignedSlice.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AssignedSlice;
        })();

        v1.Assignment = (function() {

            const Assignment = function (p) {
                this.command = [];
                this.env = {};
                this.slices = [];
                this.mounts = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Assignment.prototype.jobId = "";
            Assignment.prototype.attempt = 0;
            Assignment.prototype.command = $util.emptyArray;
            Assignment.prototype.env = $util.emptyObject;
            Assignment.prototype.workdir = "";
            Assignment.prototype.slices = $util.emptyArray;
            Assignment.prototype.image = "";
            Assignment.prototype.mounts = $util.emptyArray;

            Assignment.create = function(properties) {
                return new Assignment(properties);
            };

            Assignment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(16).uint32(m.attempt);
                if (m.command != null && m.command.length) {
                    for (var i = 0; i < m.command.length; ++i)
                        w.uint32(26).string(m.command[i]);
                }
                if (m.env != null && $Object.hasOwnProperty.call(m, "env")) {
                    for (var ks = $Object.keys(m.env), i = 0; i < ks.length; ++i) {
                        w.uint32(34).fork().uint32(10).string(ks[i]).uint32(18).string(m.env[ks[i]]).ldelim();
                    }
                }
                if (m.workdir != null && $Object.hasOwnProperty.call(m, "workdir") && m.workdir !== "")
                    w.uint32(42).string(m.workdir);
                if (m.slices != null && m.slices.length) {
                    for (var i = 0; i < m.slices.length; ++i)
                        $root.tessera.v1.AssignedSlice.encode(m.slices[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                    w.uint32(58).string(m.image);
                if (m.mounts != null && m.mounts.length) {
                    for (var i = 0; i < m.mounts.length; ++i)
                        $root.tessera.v1.AssignedMount.encode(m.mounts[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Assignment.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Assignment();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.command && m.command.length))
                                m.command = [];
                            m.command.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (m.env === $util.emptyObject)
                                m.env = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.env, k);
                            m.env[k] = v;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.workdir = v;
                            else
                                delete m.workdir;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.slices && m.slices.length))
                                m.slices = [];
                            m.slices.push($root.tessera.v1.AssignedSlice.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.image = v;
                            else
                                delete m.image;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.mounts && m.mounts.length))
                                m.mounts = [];
                            m.mounts.push($root.tessera.v1.AssignedMount.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Assignment.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Assignment)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Assignment: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Assignment();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.command) {
                    if (!$Array.isArray(d.command))
                        throw $TypeError(".tessera.v1.Assignment.command: array expected");
                    m.command = $Array(d.command.length);
                    for (var i = 0; i < d.command.length; ++i) {
                        m.command[i] = $String(d.command[i]);
                    }
                }
                if (d.env) {
                    if (!$util.isObject(d.env))
                        throw $TypeError(".tessera.v1.Assignment.env: object expected");
                    m.env = {};
                    for (var ks = $Object.keys(d.env), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.env, ks[i]);
                        m.env[ks[i]] = $String(d.env[ks[i]]);
                    }
                }
                if (d.workdir != null) {
                    if (typeof d.workdir !== "string" || d.workdir.length) {
                        m.workdir = $String(d.workdir);
                    }
                }
                if (d.slices) {
                    if (!$Array.isArray(d.slices))
                        throw $TypeError(".tessera.v1.Assignment.slices: array expected");
                    m.slices = $Array(d.slices.length);
                    for (var i = 0; i < d.slices.length; ++i) {
                        if (!$util.isObject(d.slices[i]))
                            throw $TypeError(".tessera.v1.Assignment.slices: object expected");
                        m.slices[i] = $root.tessera.v1.AssignedSlice.fromObject(d.slices[i], q + 1);
                    }
                }
                if (d.image != null) {
                    if (typeof d.image !== "string" || d.image.length) {
                        m.image = $String(d.image);
                    }
                }
                if (d.mounts) {
                    if (!$Array.isArray(d.mounts))
                        throw $TypeError(".tessera.v1.Assignment.mounts: array expected");
                    m.mounts = $Array(d.mounts.length);
                    for (var i = 0; i < d.mounts.length; ++i) {
                        if (!$util.isObject(d.mounts[i]))
                            throw $TypeError(".tessera.v1.Assignment.mounts: object expected");
                        m.mounts[i] = $root.tessera.v1.AssignedMount.fromObject(d.mounts[i], q + 1);
                    }
                }
                return m;
            };

            Assignment.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.command = [];
                    d.slices = [];
                    d.mounts = [];
                }
                if (o.objects || o.defaults) {
                    d.env = {};
                }
                if (o.defaults) {
                    d.jobId = "";
                    d.attempt = 0;
                    d.workdir = "";
                    d.image = "";
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.command && m.command.length) {
                    d.command = $Array(m.command.length);
                    for (var j = 0; j < m.command.length; ++j) {
                        d.command[j] = m.command[j];
                    }
                }
                var ks2;
                if (m.env && (ks2 = $Object.keys(m.env)).length) {
                    d.env = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.env, ks2[j]);
                        d.env[ks2[j]] = m.env[ks2[j]];
                    }
                }
                if (m.workdir != null && $Object.hasOwnProperty.call(m, "workdir")) {
                    d.workdir = m.workdir;
                }
                if (m.slices && m.slices.length) {
                    d.slices = $Array(m.slices.length);
                    for (var j = 0; j < m.slices.length; ++j) {
                        d.slices[j] = $root.tessera.v1.AssignedSlice.toObject(m.slices[j], o, q + 1);
                    }
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    d.image = m.image;
                }
                if (m.mounts && m.mounts.length) {
                    d.mounts = $Array(m.mounts.length);
                    for (var j = 0; j < m.mounts.length; ++j) {
                        d.mounts[j] = $root.tessera.v1.AssignedMount.toObject(m.mounts[j], o, q + 1);
                    }
                }
                return d;
            };

            Assignment.prototype.toJSON = function() {
                return Assignment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Assignment;
        })();

        v1.AssignedMount = (function() {

            const AssignedMount = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AssignedMount.prototype.source = "";
            AssignedMount.prototype.target = "";
            AssignedMount.prototype.readOnly = false;

            AssignedMount.create = function(properties) {
                return new AssignedMount(properties);
            };

            AssignedMount.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(10).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(18).string(m.target);
                if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly") && m.readOnly !== false)
                    w.uint32(24).bool(m.readOnly);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AssignedMount.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AssignedMount();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.readOnly = v;
                            else
                                delete m.readOnly;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AssignedMount.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AssignedMount)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AssignedMount: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AssignedMount();
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.readOnly != null) {
                    if (d.readOnly) {
                        m.readOnly = $Boolean(d.readOnly);
                    }
                }
                return m;
            };

            AssignedMount.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.source = "";
                    d.target = "";
                    d.readOnly = false;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly")) {
                    d.readOnly = m.readOnly;
                }
                return d;
            };

            AssignedMount.prototype.toJSON = function() {
                return AssignedMount.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AssignedMount;
        })();

        v1.DesiredState = (function() {

            const DesiredState = function (p) {
                this.gpus = [];
                this.assignments = [];
                this.stops = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            DesiredState.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            DesiredState.prototype.gpus = $util.emptyArray;
            DesiredState.prototype.assignments = $util.emptyArray;
            DesiredState.prototype.heartbeatMs = 0;
            DesiredState.prototype.leaseMs = 0;
            DesiredState.prototype.stops = $util.emptyArray;
            DesiredState.prototype.fencingTimeoutMs = 0;

            DesiredState.create = function(properties) {
                return new DesiredState(properties);
            };

            DesiredState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(8).uint64(m.generation);
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuDesired.encode(m.gpus[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                if (m.assignments != null && m.assignments.length) {
                    for (var i = 0; i < m.assignments.length; ++i)
                        $root.tessera.v1.Assignment.encode(m.assignments[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs") && m.heartbeatMs !== 0)
                    w.uint32(32).uint32(m.heartbeatMs);
                if (m.leaseMs != null && $Object.hasOwnProperty.call(m, "leaseMs") && m.leaseMs !== 0)
                    w.uint32(40).uint32(m.leaseMs);
                if (m.stops != null && m.stops.length) {
                    for (var i = 0; i < m.stops.length; ++i)
                        $root.tessera.v1.JobStop.encode(m.stops[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.fencingTimeoutMs != null && $Object.hasOwnProperty.call(m, "fencingTimeoutMs") && m.fencingTimeoutMs !== 0)
                    w.uint32(56).uint32(m.fencingTimeoutMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            DesiredState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.DesiredState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuDesired.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.assignments && m.assignments.length))
                                m.assignments = [];
                            m.assignments.push($root.tessera.v1.Assignment.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.heartbeatMs = v;
                            else
                                delete m.heartbeatMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.leaseMs = v;
                            else
                                delete m.leaseMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.stops && m.stops.length))
                                m.stops = [];
                            m.stops.push($root.tessera.v1.JobStop.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.fencingTimeoutMs = v;
                            else
                                delete m.fencingTimeoutMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            DesiredState.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.DesiredState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.DesiredState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.DesiredState();
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.DesiredState.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.DesiredState.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuDesired.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.assignments) {
                    if (!$Array.isArray(d.assignments))
                        throw $TypeError(".tessera.v1.DesiredState.assignments: array expected");
                    m.assignments = $Array(d.assignments.length);
                    for (var i = 0; i < d.assignments.length; ++i) {
                        if (!$util.isObject(d.assignments[i]))
                            throw $TypeError(".tessera.v1.DesiredState.assignments: object expected");
                        m.assignments[i] = $root.tessera.v1.Assignment.fromObject(d.assignments[i], q + 1);
                    }
                }
                if (d.heartbeatMs != null) {
                    if ($Number(d.heartbeatMs) !== 0) {
                        m.heartbeatMs = d.heartbeatMs >>> 0;
                    }
                }
                if (d.leaseMs != null) {
                    if ($Number(d.leaseMs) !== 0) {
                        m.leaseMs = d.leaseMs >>> 0;
                    }
                }
                if (d.stops) {
                    if (!$Array.isArray(d.stops))
                        throw $TypeError(".tessera.v1.DesiredState.stops: array expected");
                    m.stops = $Array(d.stops.length);
                    for (var i = 0; i < d.stops.length; ++i) {
                        if (!$util.isObject(d.stops[i]))
                            throw $TypeError(".tessera.v1.DesiredState.stops: object expected");
                        m.stops[i] = $root.tessera.v1.JobStop.fromObject(d.stops[i], q + 1);
                    }
                }
                if (d.fencingTimeoutMs != null) {
                    if ($Number(d.fencingTimeoutMs) !== 0) {
                        m.fencingTimeoutMs = d.fencingTimeoutMs >>> 0;
                    }
                }
                return m;
            };

            DesiredState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.assignments = [];
                    d.stops = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.heartbeatMs = 0;
                    d.leaseMs = 0;
                    d.fencingTimeoutMs = 0;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuDesired.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.assignments && m.assignments.length) {
                    d.assignments = $Array(m.assignments.length);
                    for (var j = 0; j < m.assignments.length; ++j) {
                        d.assignments[j] = $root.tessera.v1.Assignment.toObject(m.assignments[j], o, q + 1);
                    }
                }
                if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs")) {
                    d.heartbeatMs = m.heartbeatMs;
                }
                if (m.leaseMs != null && $Object.hasOwnProperty.call(m, "leaseMs")) {
                    d.leaseMs = m.leaseMs;
                }
                if (m.stops && m.stops.length) {
                    d.stops = $Array(m.stops.length);
                    for (var j = 0; j < m.stops.length; ++j) {
                        d.stops[j] = $root.tessera.v1.JobStop.toObject(m.stops[j], o, q + 1);
                    }
                }
                if (m.fencingTimeoutMs != null && $Object.hasOwnProperty.call(m, "fencingTimeoutMs")) {
                    d.fencingTimeoutMs = m.fencingTimeoutMs;
                }
                return d;
            };

            DesiredState.prototype.toJSON = function() {
                return DesiredState.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DesiredState;
        })();

        v1.JobStop = (function() {

            const JobStop = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobStop.prototype.jobId = "";
            JobStop.prototype.attempt = 0;
            JobStop.prototype.graceSeconds = 0;

            JobStop.create = function(properties) {
                return new JobStop(properties);
            };

            JobStop.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(16).uint32(m.attempt);
                if (m.graceSeconds != null && $Object.hasOwnProperty.call(m, "graceSeconds") && m.graceSeconds !== 0)
                    w.uint32(24).uint32(m.graceSeconds);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobStop.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobStop();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.graceSeconds = v;
                            else
                                delete m.graceSeconds;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobStop.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobStop)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobStop: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobStop();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.graceSeconds != null) {
                    if ($Number(d.graceSeconds) !== 0) {
                        m.graceSeconds = d.graceSeconds >>> 0;
                    }
                }
                return m;
            };

            JobStop.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.jobId = "";
                    d.attempt = 0;
                    d.graceSeconds = 0;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.graceSeconds != null && $Object.hasOwnProperty.call(m, "graceSeconds")) {
                    d.graceSeconds = m.graceSeconds;
                }
                return d;
            };

            JobStop.prototype.toJSON = function() {
                return JobStop.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobStop;
        })();

        v1.LogRequest = (function() {

            const LogRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogRequest.prototype.jobId = "";
            LogRequest.prototype.attempt = 0;
            LogRequest.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogRequest.prototype.follow = false;
            LogRequest.prototype.cancel = false;

            LogRequest.create = function(properties) {
                return new LogRequest(properties);
            };

            LogRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                    w.uint32(8).uint64(m.requestId);
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(18).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(24).uint32(m.attempt);
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset") && (typeof m.offset === "object" ? m.offset.low || m.offset.high : m.offset !== 0))
                    w.uint32(32).uint64(m.offset);
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow") && m.follow !== false)
                    w.uint32(40).bool(m.follow);
                if (m.cancel != null && $Object.hasOwnProperty.call(m, "cancel") && m.cancel !== false)
                    w.uint32(48).bool(m.cancel);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            LogRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.LogRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.requestId = v;
                            else
                                delete m.requestId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.offset = v;
                            else
                                delete m.offset;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.follow = v;
                            else
                                delete m.follow;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.cancel = v;
                            else
                                delete m.cancel;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            LogRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.LogRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.LogRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.LogRequest();
                if (d.requestId != null) {
                    if (typeof d.requestId === "object" ? d.requestId.low || d.requestId.high : $Number(d.requestId) !== 0) {
                        if ($util.Long)
                            m.requestId = $util.Long.fromValue(d.requestId, true);
                        else if (typeof d.requestId === "string")
                            m.requestId = $parseInt(d.requestId, 10);
                        else if (typeof d.requestId === "number")
                            m.requestId = d.requestId;
                        else if (typeof d.requestId === "object")
                            m.requestId = new $util.LongBits(d.requestId.low >>> 0, d.requestId.high >>> 0).toNumber(true);
                    }
                }
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.offset != null) {
                    if (typeof d.offset === "object" ? d.offset.low || d.offset.high : $Number(d.offset) !== 0) {
                        if ($util.Long)
                            m.offset = $util.Long.fromValue(d.offset, true);
                        else if (typeof d.offset === "string")
                            m.offset = $parseInt(d.offset, 10);
                        else if (typeof d.offset === "number")
                            m.offset = d.offset;
                        else if (typeof d.offset === "object")
                            m.offset = new $util.LongBits(d.offset.low >>> 0, d.offset.high >>> 0).toNumber(true);
                    }
                }
                if (d.follow != null) {
                    if (d.follow) {
                        m.follow = $Boolean(d.follow);
                    }
                }
                if (d.cancel != null) {
                    if (d.cancel) {
                        m.cancel = $Boolean(d.cancel);
                    }
                }
                return m;
            };

            LogRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.requestId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.requestId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.jobId = "";
                    d.attempt = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.offset = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.offset = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.follow = false;
                    d.cancel = false;
                }
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.requestId = typeof m.requestId === "number" ? $BigInt(m.requestId) : $util.Long.fromBits(m.requestId.low >>> 0, m.requestId.high >>> 0, true).toBigInt();
                    else if (typeof m.requestId === "number")
                        d.requestId = o.longs === $String ? $String(m.requestId) : m.requestId;
                    else
                        d.requestId = o.longs === $String ? $util.Long.prototype.toString.call(m.requestId) : o.longs === $Number ? new $util.LongBits(m.requestId.low >>> 0, m.requestId.high >>> 0).toNumber(true) : m.requestId;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.offset = typeof m.offset === "number" ? $BigInt(m.offset) : $util.Long.fromBits(m.offset.low >>> 0, m.offset.high >>> 0, true).toBigInt();
                    else if (typeof m.offset === "number")
                        d.offset = o.longs === $String ? $String(m.offset) : m.offset;
                    else
                        d.offset = o.longs === $String ? $util.Long.prototype.toString.call(m.offset) : o.longs === $Number ? new $util.LongBits(m.offset.low >>> 0, m.offset.high >>> 0).toNumber(true) : m.offset;
                }
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow")) {
                    d.follow = m.follow;
                }
                if (m.cancel != null && $Object.hasOwnProperty.call(m, "cancel")) {
                    d.cancel = m.cancel;
                }
                return d;
            };

            LogRequest.prototype.toJSON = function() {
                return LogRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LogRequest;
        })();

        v1.SchedulerMessage = (function() {

            const SchedulerMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SchedulerMessage.prototype.desired = null;
            SchedulerMessage.prototype.logRequest = null;

            let $oneOfFields;

            $Object.defineProperty(SchedulerMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["desired", "logRequest"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            SchedulerMessage.create = function(properties) {
                return new SchedulerMessage(properties);
            };

            SchedulerMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.desired != null && $Object.hasOwnProperty.call(m, "desired"))
                    $root.tessera.v1.DesiredState.encode(m.desired, w.uint32(10).fork(), q + 1).ldelim();
                if (m.logRequest != null && $Object.hasOwnProperty.call(m, "logRequest"))
                    $root.tessera.v1.LogRequest.encode(m.logRequest, w.uint32(18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SchedulerMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SchedulerMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.desired = $root.tessera.v1.DesiredState.decode(r, r.size(), $undefined, q + 1, m.desired);
                            m.body = "desired";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.logRequest = $root.tessera.v1.LogRequest.decode(r, r.size(), $undefined, q + 1, m.logRequest);
                            m.body = "logRequest";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SchedulerMessage.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.SchedulerMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.SchedulerMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.SchedulerMessage();
                if (d.desired != null) {
                    if (!$util.isObject(d.desired))
                        throw $TypeError(".tessera.v1.SchedulerMessage.desired: object expected");
                    m.desired = $root.tessera.v1.DesiredState.fromObject(d.desired, q + 1);
                }
                if (d.logRequest != null) {
                    if (!$util.isObject(d.logRequest))
                        throw $TypeError(".tessera.v1.SchedulerMessage.logRequest: object expected");
                    m.logRequest = $root.tessera.v1.LogRequest.fromObject(d.logRequest, q + 1);
                }
                return m;
            };

            SchedulerMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.desired != null && $Object.hasOwnProperty.call(m, "desired")) {
                    d.desired = $root.tessera.v1.DesiredState.toObject(m.desired, o, q + 1);
                    if (o.oneofs)
                        d.body = "desired";
                }
                if (m.logRequest != null && $Object.hasOwnProperty.call(m, "logRequest")) {
                    d.logRequest = $root.tessera.v1.LogRequest.toObject(m.logRequest, o, q + 1);
                    if (o.oneofs)
                        d.body = "logRequest";
                }
                return d;
            };

            SchedulerMessage.prototype.toJSON = function() {
                return SchedulerMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SchedulerMessage;
        })();

        v1.ListNodesRequest = (function() {

            const ListNodesRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListNodesRequest.create = function(properties) {
                return new ListNodesRequest(properties);
            };

            ListNodesRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListNodesRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListNodesRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListNodesRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListNodesRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListNodesRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.ListNodesRequest();
            };

            ListNodesRequest.toObject = function () {
                return {};
            };

            ListNodesRequest.prototype.toJSON = function() {
                return ListNodesRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListNodesRequest;
        })();

        v1.NodeLease = (function() {

            const NodeLease = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            NodeLease.prototype.renewedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            NodeLease.prototype.expiresUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            NodeLease.create = function(properties) {
                return new NodeLease(properties);
            };

            NodeLease.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.renewedUnixMs != null && $Object.hasOwnProperty.call(m, "renewedUnixMs") && (typeof m.renewedUnixMs === "object" ? m.renewedUnixMs.low || m.renewedUnixMs.high : m.renewedUnixMs !== 0))
                    w.uint32(8).int64(m.renewedUnixMs);
                if (m.expiresUnixMs != null && $Object.hasOwnProperty.call(m, "expiresUnixMs") && (typeof m.expiresUnixMs === "object" ? m.expiresUnixMs.low || m.expiresUnixMs.high : m.expiresUnixMs !== 0))
                    w.uint32(16).int64(m.expiresUnixMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            NodeLease.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.NodeLease();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.renewedUnixMs = v;
                            else
                                delete m.renewedUnixMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresUnixMs = v;
                            else
                                delete m.expiresUnixMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            NodeLease.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.NodeLease)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.NodeLease: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.NodeLease();
                if (d.renewedUnixMs != null) {
                    if (typeof d.renewedUnixMs === "object" ? d.renewedUnixMs.low || d.renewedUnixMs.high : $Number(d.renewedUnixMs) !== 0) {
                        if ($util.Long)
                            m.renewedUnixMs = $util.Long.fromValue(d.renewedUnixMs, false);
                        else if (typeof d.renewedUnixMs === "string")
                            m.renewedUnixMs = $parseInt(d.renewedUnixMs, 10);
                        else if (typeof d.renewedUnixMs === "number")
                            m.renewedUnixMs = d.renewedUnixMs;
                        else if (typeof d.renewedUnixMs === "object")
                            m.renewedUnixMs = new $util.LongBits(d.renewedUnixMs.low >>> 0, d.renewedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.expiresUnixMs != null) {
                    if (typeof d.expiresUnixMs === "object" ? d.expiresUnixMs.low || d.expiresUnixMs.high : $Number(d.expiresUnixMs) !== 0) {
                        if ($util.Long)
                            m.expiresUnixMs = $util.Long.fromValue(d.expiresUnixMs, false);
                        else if (typeof d.expiresUnixMs === "string")
                            m.expiresUnixMs = $parseInt(d.expiresUnixMs, 10);
                        else if (typeof d.expiresUnixMs === "number")
                            m.expiresUnixMs = d.expiresUnixMs;
                        else if (typeof d.expiresUnixMs === "object")
                            m.expiresUnixMs = new $util.LongBits(d.expiresUnixMs.low >>> 0, d.expiresUnixMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            NodeLease.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.renewedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.renewedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.renewedUnixMs != null && $Object.hasOwnProperty.call(m, "renewedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.renewedUnixMs = typeof m.renewedUnixMs === "number" ? $BigInt(m.renewedUnixMs) : $util.Long.fromBits(m.renewedUnixMs.low >>> 0, m.renewedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.renewedUnixMs === "number")
                        d.renewedUnixMs = o.longs === $String ? $String(m.renewedUnixMs) : m.renewedUnixMs;
                    else
                        d.renewedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.renewedUnixMs) : o.longs === $Number ? new $util.LongBits(m.renewedUnixMs.low >>> 0, m.renewedUnixMs.high >>> 0).toNumber() : m.renewedUnixMs;
                }
                if (m.expiresUnixMs != null && $Object.hasOwnProperty.call(m, "expiresUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresUnixMs = typeof m.expiresUnixMs === "number" ? $BigInt(m.expiresUnixMs) : $util.Long.fromBits(m.expiresUnixMs.low >>> 0, m.expiresUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresUnixMs === "number")
                        d.expiresUnixMs = o.longs === $String ? $String(m.expiresUnixMs) : m.expiresUnixMs;
                    else
                        d.expiresUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresUnixMs) : o.longs === $Number ? new $util.LongBits(m.expiresUnixMs.low >>> 0, m.expiresUnixMs.high >>> 0).toNumber() : m.expiresUnixMs;
                }
                return d;
            };

            NodeLease.prototype.toJSON = function() {
                return NodeLease.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NodeLease;
        })();

        v1.Node = (function() {

            const Node = function (p) {
                this.labels = {};
                this.gpus = [];
                this.observed = [];
                this.errors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Node.prototype.name = "";
            Node.prototype.state = "";
            Node.prototype.labels = $util.emptyObject;
            Node.prototype.gpus = $util.emptyArray;
            Node.prototype.observed = $util.emptyArray;
            Node.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Node.prototype.generationReached = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Node.prototype.lease = null;
            Node.prototype.errors = $util.emptyArray;
            Node.prototype.cpuMillis = 0;
            Node.prototype.memoryMib = 0;
            Node.prototype.capabilities = null;
            Node.prototype.address = "";

            Node.create = function(properties) {
                return new Node(properties);
            };

            Node.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(18).string(m.state);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(26).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuInventory.encode(m.gpus[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.observed != null && m.observed.length) {
                    for (var i = 0; i < m.observed.length; ++i)
                        $root.tessera.v1.GpuObserved.encode(m.observed[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(48).uint64(m.generation);
                if (m.generationReached != null && $Object.hasOwnProperty.call(m, "generationReached") && (typeof m.generationReached === "object" ? m.generationReached.low || m.generationReached.high : m.generationReached !== 0))
                    w.uint32(56).uint64(m.generationReached);
                if (m.lease != null && $Object.hasOwnProperty.call(m, "lease"))
                    $root.tessera.v1.NodeLease.encode(m.lease, w.uint32(66).fork(), q + 1).ldelim();
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        w.uint32(74).string(m.errors[i]);
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis") && m.cpuMillis !== 0)
                    w.uint32(80).uint32(m.cpuMillis);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(88).uint32(m.memoryMib);
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities"))
                    $root.tessera.v1.NodeCapabilities.encode(m.capabilities, w.uint32(98).fork(), q + 1).ldelim();
                if (m.address != null && $Object.hasOwnProperty.call(m, "address") && m.address !== "")
                    w.uint32(106).string(m.address);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Node.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Node();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuInventory.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.observed && m.observed.length))
                                m.observed = [];
                            m.observed.push($root.tessera.v1.GpuObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generationReached = v;
                            else
                                delete m.generationReached;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.lease = $root.tessera.v1.NodeLease.decode(r, r.size(), $undefined, q + 1, m.lease);
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push(r.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cpuMillis = v;
                            else
                                delete m.cpuMillis;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.capabilities = $root.tessera.v1.NodeCapabilities.decode(r, r.size(), $undefined, q + 1, m.capabilities);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.address = v;
                            else
                                delete m.address;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Node.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Node)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Node: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Node();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".tessera.v1.Node.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.Node.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.Node.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuInventory.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.observed) {
                    if (!$Array.isArray(d.observed))
                        throw $TypeError(".tessera.v1.Node.observed: array expected");
                    m.observed = $Array(d.observed.length);
                    for (var i = 0; i < d.observed.length; ++i) {
                        if (!$util.isObject(d.observed[i]))
                            throw $TypeError(".tessera.v1.Node.observed: object expected");
                        m.observed[i] = $root.tessera.v1.GpuObserved.fromObject(d.observed[i], q + 1);
                    }
                }
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.generationReached != null) {
                    if (typeof d.generationReached === "object" ? d.generationReached.low || d.generationReached.high : $Number(d.generationReached) !== 0) {
                        if ($util.Long)
                            m.generationReached = $util.Long.fromValue(d.generationReached, true);
                        else if (typeof d.generationReached === "string")
                            m.generationReached = $parseInt(d.generationReached, 10);
                        else if (typeof d.generationReached === "number")
                            m.generationReached = d.generationReached;
                        else if (typeof d.generationReached === "object")
                            m.generationReached = new $util.LongBits(d.generationReached.low >>> 0, d.generationReached.high >>> 0).toNumber(true);
                    }
                }
                if (d.lease != null) {
                    if (!$util.isObject(d.lease))
                        throw $TypeError(".tessera.v1.Node.lease: object expected");
                    m.lease = $root.tessera.v1.NodeLease.fromObject(d.lease, q + 1);
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".tessera.v1.Node.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        m.errors[i] = $String(d.errors[i]);
                    }
                }
                if (d.cpuMillis != null) {
                    if ($Number(d.cpuMillis) !== 0) {
                        m.cpuMillis = d.cpuMillis >>> 0;
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib >>> 0;
                    }
                }
                if (d.capabilities != null) {
                    if (!$util.isObject(d.capabilities))
                        throw $TypeError(".tessera.v1.Node.capabilities: object expected");
                    m.capabilities = $root.tessera.v1.NodeCapabilities.fromObject(d.capabilities, q + 1);
                }
                if (d.address != null) {
                    if (typeof d.address !== "string" || d.address.length) {
                        m.address = $String(d.address);
                    }
                }
                return m;
            };

            Node.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.observed = [];
                    d.errors = [];
                }
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.name = "";
                    d.state = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generationReached = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generationReached = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.lease = null;
                    d.cpuMillis = 0;
                    d.memoryMib = 0;
                    d.capabilities = null;
                    d.address = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuInventory.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.observed && m.observed.length) {
                    d.observed = $Array(m.observed.length);
                    for (var j = 0; j < m.observed.length; ++j) {
                        d.observed[j] = $root.tessera.v1.GpuObserved.toObject(m.observed[j], o, q + 1);
                    }
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.generationReached != null && $Object.hasOwnProperty.call(m, "generationReached")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generationReached = typeof m.generationReached === "number" ? $BigInt(m.generationReached) : $util.Long.fromBits(m.generationReached.low >>> 0, m.generationReached.high >>> 0, true).toBigInt();
                    else if (typeof m.generationReached === "number")
                        d.generationReached = o.longs === $String ? $String(m.generationReached) : m.generationReached;
                    else
                        d.generationReached = o.longs === $String ? $util.Long.prototype.toString.call(m.generationReached) : o.longs === $Number ? new $util.LongBits(m.generationReached.low >>> 0, m.generationReached.high >>> 0).toNumber(true) : m.generationReached;
                }
                if (m.lease != null && $Object.hasOwnProperty.call(m, "lease")) {
                    d.lease = $root.tessera.v1.NodeLease.toObject(m.lease, o, q + 1);
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = m.errors[j];
                    }
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis")) {
                    d.cpuMillis = m.cpuMillis;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    d.capabilities = $root.tessera.v1.NodeCapabilities.toObject(m.capabilities, o, q + 1);
                }
                if (m.address != null && $Object.hasOwnProperty.call(m, "address")) {
                    d.address = m.address;
                }
                return d;
            };

            Node.prototype.toJSON = function() {
                return Node.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Node;
        })();

        v1.ListNodesResponse = (function() {

            const ListNodesResponse = function (p) {
                this.nodes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListNodesResponse.prototype.nodes = $util.emptyArray;

            ListNodesResponse.create = function(properties) {
                return new ListNodesResponse(properties);
            };

            ListNodesResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodes != null && m.nodes.length) {
                    for (var i = 0; i < m.nodes.length; ++i)
                        $root.tessera.v1.Node.encode(m.nodes[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListNodesResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListNodesResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.nodes && m.nodes.length))
                                m.nodes = [];
                            m.nodes.push($root.tessera.v1.Node.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListNodesResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListNodesResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListNodesResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListNodesResponse();
                if (d.nodes) {
                    if (!$Array.isArray(d.nodes))
                        throw $TypeError(".tessera.v1.ListNodesResponse.nodes: array expected");
                    m.nodes = $Array(d.nodes.length);
                    for (var i = 0; i < d.nodes.length; ++i) {
                        if (!$util.isObject(d.nodes[i]))
                            throw $TypeError(".tessera.v1.ListNodesResponse.nodes: object expected");
                        m.nodes[i] = $root.tessera.v1.Node.fromObject(d.nodes[i], q + 1);
                    }
                }
                return m;
            };

            ListNodesResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.nodes = [];
                }
                if (m.nodes && m.nodes.length) {
                    d.nodes = $Array(m.nodes.length);
                    for (var j = 0; j < m.nodes.length; ++j) {
                        d.nodes[j] = $root.tessera.v1.Node.toObject(m.nodes[j], o, q + 1);
                    }
                }
                return d;
            };

            ListNodesResponse.prototype.toJSON = function() {
                return ListNodesResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListNodesResponse;
        })();

        v1.RemoveNodeRequest = (function() {

            const RemoveNodeRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RemoveNodeRequest.prototype.name = "";

            RemoveNodeRequest.create = function(properties) {
                return new RemoveNodeRequest(properties);
            };

            RemoveNodeRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RemoveNodeRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RemoveNodeRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            RemoveNodeRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.RemoveNodeRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.RemoveNodeRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.RemoveNodeRequest();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            RemoveNodeRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            RemoveNodeRequest.prototype.toJSON = function() {
                return RemoveNodeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RemoveNodeRequest;
        })();

        v1.RemoveNodeResponse = (function() {

            const RemoveNodeResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RemoveNodeResponse.prototype.node = null;

            RemoveNodeResponse.create = function(properties) {
                return new RemoveNodeResponse(properties);
            };

            RemoveNodeResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node"))
                    $root.tessera.v1.Node.encode(m.node, w.uint32(10).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RemoveNodeResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RemoveNodeResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.node = $root.tessera.v1.Node.decode(r, r.size(), $undefined, q + 1, m.node);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            RemoveNodeResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.RemoveNodeResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.RemoveNodeResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.RemoveNodeResponse();
                if (d.node != null) {
                    if (!$util.isObject(d.node))
                        throw $TypeError(".tessera.v1.RemoveNodeResponse.node: object expected");
                    m.node = $root.tessera.v1.Node.fromObject(d.node, q + 1);
                }
                return m;
            };

            RemoveNodeResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.node = null;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = $root.tessera.v1.Node.toObject(m.node, o, q + 1);
                }
                return d;
            };

            RemoveNodeResponse.prototype.toJSON = function() {
                return RemoveNodeResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RemoveNodeResponse;
        })();

        v1.CapacityService = (function() {

            const CapacityService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(CapacityService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: CapacityService, writable: true, enumerable: false, configurable: true });

            CapacityService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(CapacityService.prototype.getCapacity = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, CapacityService.prototype.getCapacity, $root.tessera.v1.GetCapacityRequest, $root.tessera.v1.Capacity, request, callback);
            }, {
                name: { value: "GetCapacity" },
                path: { value: "/tessera.v1.CapacityService/GetCapacity" },
                requestType: { value: "GetCapacityRequest" },
                responseType: { value: "Capacity" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return CapacityService;
        })();

        v1.GetCapacityRequest = (function() {

            const GetCapacityRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GetCapacityRequest.create = function(properties) {
                return new GetCapacityRequest(properties);
            };

            GetCapacityRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GetCapacityRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GetCapacityRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GetCapacityRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GetCapacityRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GetCapacityRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.GetCapacityRequest();
            };

            GetCapacityRequest.toObject = function () {
                return {};
            };

            GetCapacityRequest.prototype.toJSON = function() {
                return GetCapacityRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetCapacityRequest;
        })();

        v1.ProfileCapacity = (function() {

            const ProfileCapacity = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ProfileCapacity.prototype.profile = "";
            ProfileCapacity.prototype.freeInstances = 0;

            ProfileCapacity.create = function(properties) {
                return new ProfileCapacity(properties);
            };

            ProfileCapacity.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile") && m.profile !== "")
                    w.uint32(10).string(m.profile);
                if (m.freeInstances != null && $Object.hasOwnProperty.call(m, "freeInstances") && m.freeInstances !== 0)
                    w.uint32(16).uint32(m.freeInstances);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ProfileCapacity.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ProfileCapacity();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.profile = v;
                            else
                                delete m.profile;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.freeInstances = v;
                            else
                                delete m.freeInstances;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ProfileCapacity.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ProfileCapacity)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ProfileCapacity: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ProfileCapacity();
                if (d.profile != null) {
                    if (typeof d.profile !== "string" || d.profile.length) {
                        m.profile = $String(d.profile);
                    }
                }
                if (d.freeInstances != null) {
                    if ($Number(d.freeInstances) !== 0) {
                        m.freeInstances = d.freeInstances >>> 0;
                    }
                }
                return m;
            };

            ProfileCapacity.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.profile = "";
                    d.freeInstances = 0;
                }
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile")) {
                    d.profile = m.profile;
                }
                if (m.freeInstances != null && $Object.hasOwnProperty.call(m, "freeInstances")) {
                    d.freeInstances = m.freeInstances;
                }
                return d;
            };

            ProfileCapacity.prototype.toJSON = function() {
                return ProfileCapacity.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ProfileCapacity;
        })();

        v1.ModelCapacity = (function() {

            const ModelCapacity = function (p) {
                this.profiles = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ModelCapacity.prototype.model = "";
            ModelCapacity.prototype.gpus = 0;
            ModelCapacity.prototype.freeGpus = 0;
            ModelCapacity.prototype.allocatedMilli = 0;
            ModelCapacity.prototype.totalMilli = 0;
            ModelCapacity.prototype.profiles = $util.emptyArray;

            ModelCapacity.create = function(properties) {
                return new ModelCapacity(properties);
            };

            ModelCapacity.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.model != null && $Object.hasOwnProperty.call(m, "model") && m.model !== "")
                    w.uint32(10).string(m.model);
                if (m.gpus != null && $Object.hasOwnProperty.call(m, "gpus") && m.gpus !== 0)
                    w.uint32(16).uint32(m.gpus);
                if (m.freeGpus != null && $Object.hasOwnProperty.call(m, "freeGpus") && m.freeGpus !== 0)
                    w.uint32(24).uint32(m.freeGpus);
                if (m.allocatedMilli != null && $Object.hasOwnProperty.call(m, "allocatedMilli") && m.allocatedMilli !== 0)
                    w.uint32(32).uint32(m.allocatedMilli);
                if (m.totalMilli != null && $Object.hasOwnProperty.call(m, "totalMilli") && m.totalMilli !== 0)
                    w.uint32(40).uint32(m.totalMilli);
                if (m.profiles != null && m.profiles.length) {
                    for (var i = 0; i < m.profiles.length; ++i)
                        $root.tessera.v1.ProfileCapacity.encode(m.profiles[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ModelCapacity.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ModelCapacity();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.model = v;
                            else
                                delete m.model;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.gpus = v;
                            else
                                delete m.gpus;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.freeGpus = v;
                            else
                                delete m.freeGpus;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.allocatedMilli = v;
                            else
                                delete m.allocatedMilli;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.totalMilli = v;
                            else
                                delete m.totalMilli;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.profiles && m.profiles.length))
                                m.profiles = [];
                            m.profiles.push($root.tessera.v1.ProfileCapacity.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ModelCapacity.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ModelCapacity)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ModelCapacity: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ModelCapacity();
                if (d.model != null) {
                    if (typeof d.model !== "string" || d.model.length) {
                        m.model = $String(d.model);
                    }
                }
                if (d.gpus != null) {
                    if ($Number(d.gpus) !== 0) {
                        m.gpus = d.gpus >>> 0;
                    }
                }
                if (d.freeGpus != null) {
                    if ($Number(d.freeGpus) !== 0) {
                        m.freeGpus = d.freeGpus >>> 0;
                    }
                }
                if (d.allocatedMilli != null) {
                    if ($Number(d.allocatedMilli) !== 0) {
                        m.allocatedMilli = d.allocatedMilli >>> 0;
                    }
                }
                if (d.totalMilli != null) {
                    if ($Number(d.totalMilli) !== 0) {
                        m.totalMilli = d.totalMilli >>> 0;
                    }
                }
                if (d.profiles) {
                    if (!$Array.isArray(d.profiles))
                        throw $TypeError(".tessera.v1.ModelCapacity.profiles: array expected");
                    m.profiles = $Array(d.profiles.length);
                    for (var i = 0; i < d.profiles.length; ++i) {
                        if (!$util.isObject(d.profiles[i]))
                            throw $TypeError(".tessera.v1.ModelCapacity.profiles: object expected");
                        m.profiles[i] = $root.tessera.v1.ProfileCapacity.fromObject(d.profiles[i], q + 1);
                    }
                }
                return m;
            };

            ModelCapacity.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.profiles = [];
                }
                if (o.defaults) {
                    d.model = "";
                    d.gpus = 0;
                    d.freeGpus = 0;
                    d.allocatedMilli = 0;
                    d.totalMilli = 0;
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    d.model = m.model;
                }
                if (m.gpus != null && $Object.hasOwnProperty.call(m, "gpus")) {
                    d.gpus = m.gpus;
                }
                if (m.freeGpus != null && $Object.hasOwnProperty.call(m, "freeGpus")) {
                    d.freeGpus = m.freeGpus;
                }
                if (m.allocatedMilli != null && $Object.hasOwnProperty.call(m, "allocatedMilli")) {
                    d.allocatedMilli = m.allocatedMilli;
                }
                if (m.totalMilli != null && $Object.hasOwnProperty.call(m, "totalMilli")) {
                    d.totalMilli = m.totalMilli;
                }
                if (m.profiles && m.profiles.length) {
                    d.profiles = $Array(m.profiles.length);
                    for (var j = 0; j < m.profiles.length; ++j) {
                        d.profiles[j] = $root.tessera.v1.ProfileCapacity.toObject(m.profiles[j], o, q + 1);
                    }
                }
                return d;
            };

            ModelCapacity.prototype.toJSON = function() {
                return ModelCapacity.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ModelCapacity;
        })();

        v1.Capacity = (function() {

            const Capacity = function (p) {
                this.models = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Capacity.prototype.nodes = 0;
            Capacity.prototype.readyNodes = 0;
            Capacity.prototype.gpus = 0;
            Capacity.prototype.models = $util.emptyArray;
            Capacity.prototype.fragmentationPercent = 0;
            Capacity.prototype.pendingJobs = 0;
            Capacity.prototype.runningJobs = 0;

            Capacity.create = function(properties) {
                return new Capacity(properties);
            };

            Capacity.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodes != null && $Object.hasOwnProperty.call(m, "nodes") && m.nodes !== 0)
                    w.uint32(8).uint32(m.nodes);
                if (m.readyNodes != null && $Object.hasOwnProperty.call(m, "readyNodes") && m.readyNodes !== 0)
                    w.uint32(16).uint32(m.readyNodes);
                if (m.gpus != null && $Object.hasOwnProperty.call(m, "gpus") && m.gpus !== 0)
                    w.uint32(24).uint32(m.gpus);
                if (m.models != null && m.models.length) {
                    for (var i = 0; i < m.models.length; ++i)
                        $root.tessera.v1.ModelCapacity.encode(m.models[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.fragmentationPercent != null && $Object.hasOwnProperty.call(m, "fragmentationPercent") && !$Object.is(m.fragmentationPercent, 0))
                    w.uint32(41).double(m.fragmentationPercent);
                if (m.pendingJobs != null && $Object.hasOwnProperty.call(m, "pendingJobs") && m.pendingJobs !== 0)
                    w.uint32(48).uint32(m.pendingJobs);
                if (m.runningJobs != null && $Object.hasOwnProperty.call(m, "runningJobs") && m.runningJobs !== 0)
                    w.uint32(56).uint32(m.runningJobs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Capacity.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Capacity();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.nodes = v;
                            else
                                delete m.nodes;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.readyNodes = v;
                            else
                                delete m.readyNodes;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.gpus = v;
                            else
                                delete m.gpus;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.models && m.models.length))
                                m.models = [];
                            m.models.push($root.tessera.v1.ModelCapacity.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.fragmentationPercent = v;
                            else
                                delete m.fragmentationPercent;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pendingJobs = v;
                            else
                                delete m.pendingJobs;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.runningJobs = v;
                            else
                                delete m.runningJobs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Capacity.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Capacity)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Capacity: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Capacity();
                if (d.nodes != null) {
                    if ($Number(d.nodes) !== 0) {
                        m.nodes = d.nodes >>> 0;
                    }
                }
                if (d.readyNodes != null) {
                    if ($Number(d.readyNodes) !== 0) {
                        m.readyNodes = d.readyNodes >>> 0;
                    }
                }
                if (d.gpus != null) {
                    if ($Number(d.gpus) !== 0) {
                        m.gpus = d.gpus >>> 0;
                    }
                }
                if (d.models) {
                    if (!$Array.isArray(d.models))
                        throw $TypeError(".tessera.v1.Capacity.models: array expected");
                    m.models = $Array(d.models.length);
                    for (var i = 0; i < d.models.length; ++i) {
                        if (!$util.isObject(d.models[i]))
                            throw $TypeError(".tessera.v1.Capacity.models: object expected");
                        m.models[i] = $root.tessera.v1.ModelCapacity.fromObject(d.models[i], q + 1);
                    }
                }
                if (d.fragmentationPercent != null) {
                    if (!$Object.is($Number(d.fragmentationPercent), 0)) {
                        m.fragmentationPercent = $Number(d.fragmentationPercent);
                    }
                }
                if (d.pendingJobs != null) {
                    if ($Number(d.pendingJobs) !== 0) {
                        m.pendingJobs = d.pendingJobs >>> 0;
                    }
                }
                if (d.runningJobs != null) {
                    if ($Number(d.runningJobs) !== 0) {
                        m.runningJobs = d.runningJobs >>> 0;
                    }
                }
                return m;
            };

            Capacity.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.models = [];
                }
                if (o.defaults) {
                    d.nodes = 0;
                    d.readyNodes = 0;
                    d.gpus = 0;
                    d.fragmentationPercent = 0;
                    d.pendingJobs = 0;
                    d.runningJobs = 0;
                }
                if (m.nodes != null && $Object.hasOwnProperty.call(m, "nodes")) {
                    d.nodes = m.nodes;
                }
                if (m.readyNodes != null && $Object.hasOwnProperty.call(m, "readyNodes")) {
                    d.readyNodes = m.readyNodes;
                }
                if (m.gpus != null && $Object.hasOwnProperty.call(m, "gpus")) {
                    d.gpus = m.gpus;
                }
                if (m.models && m.models.length) {
                    d.models = $Array(m.models.length);
                    for (var j = 0; j < m.models.length; ++j) {
                        d.models[j] = $root.tessera.v1.ModelCapacity.toObject(m.models[j], o, q + 1);
                    }
                }
                if (m.fragmentationPercent != null && $Object.hasOwnProperty.call(m, "fragmentationPercent")) {
                    d.fragmentationPercent = o.json && !$isFinite(m.fragmentationPercent) ? $String(m.fragmentationPercent) : m.fragmentationPercent;
                }
                if (m.pendingJobs != null && $Object.hasOwnProperty.call(m, "pendingJobs")) {
                    d.pendingJobs = m.pendingJobs;
                }
                if (m.runningJobs != null && $Object.hasOwnProperty.call(m, "runningJobs")) {
                    d.runningJobs = m.runningJobs;
                }
                return d;
            };

            Capacity.prototype.toJSON = function() {
                return Capacity.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Capacity;
        })();

        v1.QueueService = (function() {

            const QueueService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(QueueService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: QueueService, writable: true, enumerable: false, configurable: true });

            QueueService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(QueueService.prototype.listQueues = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, QueueService.prototype.listQueues, $root.tessera.v1.ListQueuesRequest, $root.tessera.v1.ListQueuesResponse, request, callback);
            }, {
                name: { value: "ListQueues" },
                path: { value: "/tessera.v1.QueueService/ListQueues" },
                requestType: { value: "ListQueuesRequest" },
                responseType: { value: "ListQueuesResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(QueueService.prototype.getQuota = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, QueueService.prototype.getQuota, $root.tessera.v1.GetQuotaRequest, $root.tessera.v1.QuotaConfig, request, callback);
            }, {
                name: { value: "GetQuota" },
                path: { value: "/tessera.v1.QueueService/GetQuota" },
                requestType: { value: "GetQuotaRequest" },
                responseType: { value: "QuotaConfig" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(QueueService.prototype.reloadQuota = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, QueueService.prototype.reloadQuota, $root.tessera.v1.ReloadQuotaRequest, $root.tessera.v1.QuotaConfig, request, callback);
            }, {
                name: { value: "ReloadQuota" },
                path: { value: "/tessera.v1.QueueService/ReloadQuota" },
                requestType: { value: "ReloadQuotaRequest" },
                responseType: { value: "QuotaConfig" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return QueueService;
        })();

        v1.ListQueuesRequest = (function() {

            const ListQueuesRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListQueuesRequest.create = function(properties) {
                return new ListQueuesRequest(properties);
            };

            ListQueuesRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListQueuesRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListQueuesRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListQueuesRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListQueuesRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListQueuesRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.ListQueuesRequest();
            };

            ListQueuesRequest.toObject = function () {
                return {};
            };

            ListQueuesRequest.prototype.toJSON = function() {
                return ListQueuesRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListQueuesRequest;
        })();

        v1.QueueInfo = (function() {

            const QueueInfo = function (p) {
                this.quota = {};
                this.borrowingLimit = {};
                this.usage = {};
                this.borrowed = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            QueueInfo.prototype.name = "";
            QueueInfo.prototype.cohort = "";
            QueueInfo.prototype.weight = 0;
            QueueInfo.prototype.quota = $util.emptyObject;
            QueueInfo.prototype.borrowingLimit = $util.emptyObject;
            QueueInfo.prototype.usage = $util.emptyObject;
            QueueInfo.prototype.borrowed = $util.emptyObject;
            QueueInfo.prototype.pending = 0;
            QueueInfo.prototype.running = 0;
            QueueInfo.prototype.admittedTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueueInfo.prototype.preemptedTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            QueueInfo.create = function(properties) {
                return new QueueInfo(properties);
            };

            QueueInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.cohort != null && $Object.hasOwnProperty.call(m, "cohort") && m.cohort !== "")
                    w.uint32(18).string(m.cohort);
                if (m.weight != null && $Object.hasOwnProperty.call(m, "weight") && !$Object.is(m.weight, 0))
                    w.uint32(25).double(m.weight);
                if (m.quota != null && $Object.hasOwnProperty.call(m, "quota")) {
                    for (var ks = $Object.keys(m.quota), i = 0; i < ks.length; ++i) {
                        w.uint32(34).fork().uint32(10).string(ks[i]).uint32(17).double(m.quota[ks[i]]).ldelim();
                    }
                }
                if (m.borrowingLimit != null && $Object.hasOwnProperty.call(m, "borrowingLimit")) {
                    for (var ks = $Object.keys(m.borrowingLimit), i = 0; i < ks.length; ++i) {
                        w.uint32(42).fork().uint32(10).string(ks[i]).uint32(17).double(m.borrowingLimit[ks[i]]).ldelim();
                    }
                }
                if (m.usage != null && $Object.hasOwnProperty.call(m, "usage")) {
                    for (var ks = $Object.keys(m.usage), i = 0; i < ks.length; ++i) {
                        w.uint32(50).fork().uint32(10).string(ks[i]).uint32(17).double(m.usage[ks[i]]).ldelim();
                    }
                }
                if (m.borrowed != null && $Object.hasOwnProperty.call(m, "borrowed")) {
                    for (var ks = $Object.keys(m.borrowed), i = 0; i < ks.length; ++i) {
                        w.uint32(58).fork().uint32(10).string(ks[i]).uint32(17).double(m.borrowed[ks[i]]).ldelim();
                    }
                }
                if (m.pending != null && $Object.hasOwnProperty.call(m, "pending") && m.pending !== 0)
                    w.uint32(64).uint32(m.pending);
                if (m.running != null && $Object.hasOwnProperty.call(m, "running") && m.running !== 0)
                    w.uint32(72).uint32(m.running);
                if (m.admittedTotal != null && $Object.hasOwnProperty.call(m, "admittedTotal") && (typeof m.admittedTotal === "object" ? m.admittedTotal.low || m.admittedTotal.high : m.admittedTotal !== 0))
                    w.uint32(80).uint64(m.admittedTotal);
                if (m.preemptedTotal != null && $Object.hasOwnProperty.call(m, "preemptedTotal") && (typeof m.preemptedTotal === "object" ? m.preemptedTotal.low || m.preemptedTotal.high : m.preemptedTotal !== 0))
                    w.uint32(88).uint64(m.preemptedTotal);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            QueueInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.QueueInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.cohort = v;
                            else
                                delete m.cohort;
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.weight = v;
                            else
                                delete m.weight;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (m.quota === $util.emptyObject)
                                m.quota = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = 0;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 1)
                                        break;
                                    v = r.double();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.quota, k);
                            m.quota[k] = v;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (m.borrowingLimit === $util.emptyObject)
                                m.borrowingLimit = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = 0;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 1)
                                        break;
                                    v = r.double();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.borrowingLimit, k);
                            m.borrowingLimit[k] = v;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (m.usage === $util.emptyObject)
                                m.usage = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = 0;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 1)
                                        break;
                                    v = r.double();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.usage, k);
                            m.usage[k] = v;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (m.borrowed === $util.emptyObject)
                                m.borrowed = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = 0;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 1)
                                        break;
                                    v = r.double();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.borrowed, k);
                            m.borrowed[k] = v;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pending = v;
                            else
                                delete m.pending;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.running = v;
                            else
                                delete m.running;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.admittedTotal = v;
                            else
                                delete m.admittedTotal;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.preemptedTotal = v;
                            else
                                delete m.preemptedTotal;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            QueueInfo.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.QueueInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.QueueInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.QueueInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.cohort != null) {
                    if (typeof d.cohort !== "string" || d.cohort.length) {
                        m.cohort = $String(d.cohort);
                    }
                }
                if (d.weight != null) {
                    if (!$Object.is($Number(d.weight), 0)) {
                        m.weight = $Number(d.weight);
                    }
                }
                if (d.quota) {
                    if (!$util.isObject(d.quota))
                        throw $TypeError(".tessera.v1.QueueInfo.quota: object expected");
                    m.quota = {};
                    for (var ks = $Object.keys(d.quota), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.quota, ks[i]);
                        m.quota[ks[i]] = $Number(d.quota[ks[i]]);
                    }
                }
                if (d.borrowingLimit) {
                    if (!$util.isObject(d.borrowingLimit))
                        throw $TypeError(".tessera.v1.QueueInfo.borrowingLimit: object expected");
                    m.borrowingLimit = {};
                    for (var ks = $Object.keys(d.borrowingLimit), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.borrowingLimit, ks[i]);
                        m.borrowingLimit[ks[i]] = $Number(d.borrowingLimit[ks[i]]);
                    }
                }
                if (d.usage) {
                    if (!$util.isObject(d.usage))
                        throw $TypeError(".tessera.v1.QueueInfo.usage: object expected");
                    m.usage = {};
                    for (var ks = $Object.keys(d.usage), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.usage, ks[i]);
                        m.usage[ks[i]] = $Number(d.usage[ks[i]]);
                    }
                }
                if (d.borrowed) {
                    if (!$util.isObject(d.borrowed))
                        throw $TypeError(".tessera.v1.QueueInfo.borrowed: object expected");
                    m.borrowed = {};
                    for (var ks = $Object.keys(d.borrowed), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.borrowed, ks[i]);
                        m.borrowed[ks[i]] = $Number(d.borrowed[ks[i]]);
                    }
                }
                if (d.pending != null) {
                    if ($Number(d.pending) !== 0) {
                        m.pending = d.pending >>> 0;
                    }
                }
                if (d.running != null) {
                    if ($Number(d.running) !== 0) {
                        m.running = d.running >>> 0;
                    }
                }
                if (d.admittedTotal != null) {
                    if (typeof d.admittedTotal === "object" ? d.admittedTotal.low || d.admittedTotal.high : $Number(d.admittedTotal) !== 0) {
                        if ($util.Long)
                            m.admittedTotal = $util.Long.fromValue(d.admittedTotal, true);
                        else if (typeof d.admittedTotal === "string")
                            m.admittedTotal = $parseInt(d.admittedTotal, 10);
                        else if (typeof d.admittedTotal === "number")
                            m.admittedTotal = d.admittedTotal;
                        else if (typeof d.admittedTotal === "object")
                            m.admittedTotal = new $util.LongBits(d.admittedTotal.low >>> 0, d.admittedTotal.high >>> 0).toNumber(true);
                    }
                }
                if (d.preemptedTotal != null) {
                    if (typeof d.preemptedTotal === "object" ? d.preemptedTotal.low || d.preemptedTotal.high : $Number(d.preemptedTotal) !== 0) {
                        if ($util.Long)
                            m.preemptedTotal = $util.Long.fromValue(d.preemptedTotal, true);
                        else if (typeof d.preemptedTotal === "string")
                            m.preemptedTotal = $parseInt(d.preemptedTotal, 10);
                        else if (typeof d.preemptedTotal === "number")
                            m.preemptedTotal = d.preemptedTotal;
                        else if (typeof d.preemptedTotal === "object")
                            m.preemptedTotal = new $util.LongBits(d.preemptedTotal.low >>> 0, d.preemptedTotal.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            QueueInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.quota = {};
                    d.borrowingLimit = {};
                    d.usage = {};
                    d.borrowed = {};
                }
                if (o.defaults) {
                    d.name = "";
                    d.cohort = "";
                    d.weight = 0;
                    d.pending = 0;
                    d.running = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.admittedTotal = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.admittedTotal = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.preemptedTotal = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.preemptedTotal = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.cohort != null && $Object.hasOwnProperty.call(m, "cohort")) {
                    d.cohort = m.cohort;
                }
                if (m.weight != null && $Object.hasOwnProperty.call(m, "weight")) {
                    d.weight = o.json && !$isFinite(m.weight) ? $String(m.weight) : m.weight;
                }
                var ks2;
                if (m.quota && (ks2 = $Object.keys(m.quota)).length) {
                    d.quota = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.quota, ks2[j]);
                        d.quota[ks2[j]] = o.json && !$isFinite(m.quota[ks2[j]]) ? $String(m.quota[ks2[j]]) : m.quota[ks2[j]];
                    }
                }
                if (m.borrowingLimit && (ks2 = $Object.keys(m.borrowingLimit)).length) {
                    d.borrowingLimit = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.borrowingLimit, ks2[j]);
                        d.borrowingLimit[ks2[j]] = o.json && !$isFinite(m.borrowingLimit[ks2[j]]) ? $String(m.borrowingLimit[ks2[j]]) : m.borrowingLimit[ks2[j]];
                    }
                }
                if (m.usage && (ks2 = $Object.keys(m.usage)).length) {
                    d.usage = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.usage, ks2[j]);
                        d.usage[ks2[j]] = o.json && !$isFinite(m.usage[ks2[j]]) ? $String(m.usage[ks2[j]]) : m.usage[ks2[j]];
                    }
                }
                if (m.borrowed && (ks2 = $Object.keys(m.borrowed)).length) {
                    d.borrowed = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.borrowed, ks2[j]);
                        d.borrowed[ks2[j]] = o.json && !$isFinite(m.borrowed[ks2[j]]) ? $String(m.borrowed[ks2[j]]) : m.borrowed[ks2[j]];
                    }
                }
                if (m.pending != null && $Object.hasOwnProperty.call(m, "pending")) {
                    d.pending = m.pending;
                }
                if (m.running != null && $Object.hasOwnProperty.call(m, "running")) {
                    d.running = m.running;
                }
                if (m.admittedTotal != null && $Object.hasOwnProperty.call(m, "admittedTotal")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.admittedTotal = typeof m.admittedTotal === "number" ? $BigInt(m.admittedTotal) : $util.Long.fromBits(m.admittedTotal.low >>> 0, m.admittedTotal.high >>> 0, true).toBigInt();
                    else if (typeof m.admittedTotal === "number")
                        d.admittedTotal = o.longs === $String ? $String(m.admittedTotal) : m.admittedTotal;
                    else
                        d.admittedTotal = o.longs === $String ? $util.Long.prototype.toString.call(m.admittedTotal) : o.longs === $Number ? new $util.LongBits(m.admittedTotal.low >>> 0, m.admittedTotal.high >>> 0).toNumber(true) : m.admittedTotal;
                }
                if (m.preemptedTotal != null && $Object.hasOwnProperty.call(m, "preemptedTotal")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.preemptedTotal = typeof m.preemptedTotal === "number" ? $BigInt(m.preemptedTotal) : $util.Long.fromBits(m.preemptedTotal.low >>> 0, m.preemptedTotal.high >>> 0, true).toBigInt();
                    else if (typeof m.preemptedTotal === "number")
                        d.preemptedTotal = o.longs === $String ? $String(m.preemptedTotal) : m.preemptedTotal;
                    else
                        d.preemptedTotal = o.longs === $String ? $util.Long.prototype.toString.call(m.preemptedTotal) : o.longs === $Number ? new $util.LongBits(m.preemptedTotal.low >>> 0, m.preemptedTotal.high >>> 0).toNumber(true) : m.preemptedTotal;
                }
                return d;
            };

            QueueInfo.prototype.toJSON = function() {
                return QueueInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueueInfo;
        })();

        v1.ListQueuesResponse = (function() {

            const ListQueuesResponse = function (p) {
                this.queues = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListQueuesResponse.prototype.queues = $util.emptyArray;

            ListQueuesResponse.create = function(properties) {
                return new ListQueuesResponse(properties);
            };

            ListQueuesResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.queues != null && m.queues.length) {
                    for (var i = 0; i < m.queues.length; ++i)
                        $root.tessera.v1.QueueInfo.encode(m.queues[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListQueuesResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListQueuesResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.queues && m.queues.length))
                                m.queues = [];
                            m.queues.push($root.tessera.v1.QueueInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListQueuesResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListQueuesResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListQueuesResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListQueuesResponse();
                if (d.queues) {
                    if (!$Array.isArray(d.queues))
                        throw $TypeError(".tessera.v1.ListQueuesResponse.queues: array expected");
                    m.queues = $Array(d.queues.length);
                    for (var i = 0; i < d.queues.length; ++i) {
                        if (!$util.isObject(d.queues[i]))
                            throw $TypeError(".tessera.v1.ListQueuesResponse.queues: object expected");
                        m.queues[i] = $root.tessera.v1.QueueInfo.fromObject(d.queues[i], q + 1);
                    }
                }
                return m;
            };

            ListQueuesResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.queues = [];
                }
                if (m.queues && m.queues.length) {
                    d.queues = $Array(m.queues.length);
                    for (var j = 0; j < m.queues.length; ++j) {
                        d.queues[j] = $root.tessera.v1.QueueInfo.toObject(m.queues[j], o, q + 1);
                    }
                }
                return d;
            };

            ListQueuesResponse.prototype.toJSON = function() {
                return ListQueuesResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListQueuesResponse;
        })();

        v1.GetQuotaRequest = (function() {

            const GetQuotaRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GetQuotaRequest.create = function(properties) {
                return new GetQuotaRequest(properties);
            };

            GetQuotaRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GetQuotaRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GetQuotaRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GetQuotaRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GetQuotaRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GetQuotaRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.GetQuotaRequest();
            };

            GetQuotaRequest.toObject = function () {
                return {};
            };

            GetQuotaRequest.prototype.toJSON = function() {
                return GetQuotaRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetQuotaRequest;
        })();

        v1.ReloadQuotaRequest = (function() {

            const ReloadQuotaRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ReloadQuotaRequest.create = function(properties) {
                return new ReloadQuotaRequest(properties);
            };

            ReloadQuotaRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ReloadQuotaRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ReloadQuotaRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ReloadQuotaRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ReloadQuotaRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ReloadQuotaRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.ReloadQuotaRequest();
            };

            ReloadQuotaRequest.toObject = function () {
                return {};
            };

            ReloadQuotaRequest.prototype.toJSON = function() {
                return ReloadQuotaRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReloadQuotaRequest;
        })();

        v1.PriorityClassInfo = (function() {

            const PriorityClassInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PriorityClassInfo.prototype.name = "";
            PriorityClassInfo.prototype.value = 0;
            PriorityClassInfo.prototype.preemptionGraceSeconds = 0;

            PriorityClassInfo.create = function(properties) {
                return new PriorityClassInfo(properties);
            };

            PriorityClassInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.value != null && $Object.hasOwnProperty.call(m, "value") && m.value !== 0)
                    w.uint32(16).int32(m.value);
                if (m.preemptionGraceSeconds != null && $Object.hasOwnProperty.call(m, "preemptionGraceSeconds") && m.preemptionGraceSeconds !== 0)
                    w.uint32(24).uint32(m.preemptionGraceSeconds);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            PriorityClassInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.PriorityClassInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.value = v;
                            else
                                delete m.value;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.preemptionGraceSeconds = v;
                            else
                                delete m.preemptionGraceSeconds;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            PriorityClassInfo.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.PriorityClassInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.PriorityClassInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.PriorityClassInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.value != null) {
                    if ($Number(d.value) !== 0) {
                        m.value = d.value | 0;
                    }
                }
                if (d.preemptionGraceSeconds != null) {
                    if ($Number(d.preemptionGraceSeconds) !== 0) {
                        m.preemptionGraceSeconds = d.preemptionGraceSeconds >>> 0;
                    }
                }
                return m;
            };

            PriorityClassInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.value = 0;
                    d.preemptionGraceSeconds = 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    d.value = m.value;
                }
                if (m.preemptionGraceSeconds != null && $Object.hasOwnProperty.call(m, "preemptionGraceSeconds")) {
                    d.preemptionGraceSeconds = m.preemptionGraceSeconds;
                }
                return d;
            };

            PriorityClassInfo.prototype.toJSON = function() {
                return PriorityClassInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PriorityClassInfo;
        })();

        v1.QuotaConfig = (function() {

            const QuotaConfig = function (p) {
                this.queues = [];
                this.priorityClasses = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            QuotaConfig.prototype.source = "";
            QuotaConfig.prototype.yaml = "";
            QuotaConfig.prototype.queues = $util.emptyArray;
            QuotaConfig.prototype.priorityClasses = $util.emptyArray;
            QuotaConfig.prototype.starvationSeconds = 0;

            QuotaConfig.create = function(properties) {
                return new QuotaConfig(properties);
            };

            QuotaConfig.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(10).string(m.source);
                if (m.yaml != null && $Object.hasOwnProperty.call(m, "yaml") && m.yaml !== "")
                    w.uint32(18).string(m.yaml);
                if (m.queues != null && m.queues.length) {
                    for (var i = 0; i < m.queues.length; ++i)
                        $root.tessera.v1.QueueInfo.encode(m.queues[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.priorityClasses != null && m.priorityClasses.length) {
                    for (var i = 0; i < m.priorityClasses.length; ++i)
                        $root.tessera.v1.PriorityClassInfo.encode(m.priorityClasses[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.starvationSeconds != null && $Object.hasOwnProperty.call(m, "starvationSeconds") && m.starvationSeconds !== 0)
                    w.uint32(40).uint32(m.starvationSeconds);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            QuotaConfig.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.QuotaConfig();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.yaml = v;
                            else
                                delete m.yaml;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.queues && m.queues.length))
                                m.queues = [];
                            m.queues.push($root.tessera.v1.QueueInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.priorityClasses && m.priorityClasses.length))
                                m.priorityClasses = [];
                            m.priorityClasses.push($root.tessera.v1.PriorityClassInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.starvationSeconds = v;
                            else
                                delete m.starvationSeconds;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            QuotaConfig.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.QuotaConfig)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.QuotaConfig: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.QuotaConfig();
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.yaml != null) {
                    if (typeof d.yaml !== "string" || d.yaml.length) {
                        m.yaml = $String(d.yaml);
                    }
                }
                if (d.queues) {
                    if (!$Array.isArray(d.queues))
                        throw $TypeError(".tessera.v1.QuotaConfig.queues: array expected");
                    m.queues = $Array(d.queues.length);
                    for (var i = 0; i < d.queues.length; ++i) {
                        if (!$util.isObject(d.queues[i]))
                            throw $TypeError(".tessera.v1.QuotaConfig.queues: object expected");
                        m.queues[i] = $root.tessera.v1.QueueInfo.fromObject(d.queues[i], q + 1);
                    }
                }
                if (d.priorityClasses) {
                    if (!$Array.isArray(d.priorityClasses))
                        throw $TypeError(".tessera.v1.QuotaConfig.priorityClasses: array expected");
                    m.priorityClasses = $Array(d.priorityClasses.length);
                    for (var i = 0; i < d.priorityClasses.length; ++i) {
                        if (!$util.isObject(d.priorityClasses[i]))
                            throw $TypeError(".tessera.v1.QuotaConfig.priorityClasses: object expected");
                        m.priorityClasses[i] = $root.tessera.v1.PriorityClassInfo.fromObject(d.priorityClasses[i], q + 1);
                    }
                }
                if (d.starvationSeconds != null) {
                    if ($Number(d.starvationSeconds) !== 0) {
                        m.starvationSeconds = d.starvationSeconds >>> 0;
                    }
                }
                return m;
            };

            QuotaConfig.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.queues = [];
                    d.priorityClasses = [];
                }
                if (o.defaults) {
                    d.source = "";
                    d.yaml = "";
                    d.starvationSeconds = 0;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.yaml != null && $Object.hasOwnProperty.call(m, "yaml")) {
                    d.yaml = m.yaml;
                }
                if (m.queues && m.queues.length) {
                    d.queues = $Array(m.queues.length);
                    for (var j = 0; j < m.queues.length; ++j) {
                        d.queues[j] = $root.tessera.v1.QueueInfo.toObject(m.queues[j], o, q + 1);
                    }
                }
                if (m.priorityClasses && m.priorityClasses.length) {
                    d.priorityClasses = $Array(m.priorityClasses.length);
                    for (var j = 0; j < m.priorityClasses.length; ++j) {
                        d.priorityClasses[j] = $root.tessera.v1.PriorityClassInfo.toObject(m.priorityClasses[j], o, q + 1);
                    }
                }
                if (m.starvationSeconds != null && $Object.hasOwnProperty.call(m, "starvationSeconds")) {
                    d.starvationSeconds = m.starvationSeconds;
                }
                return d;
            };

            QuotaConfig.prototype.toJSON = function() {
                return QuotaConfig.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QuotaConfig;
        })();

        v1.ClusterService = (function() {

            const ClusterService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(ClusterService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: ClusterService, writable: true, enumerable: false, configurable: true });

            ClusterService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(ClusterService.prototype.getStatus = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, ClusterService.prototype.getStatus, $root.tessera.v1.GetClusterStatusRequest, $root.tessera.v1.ClusterStatus, request, callback);
            }, {
                name: { value: "GetStatus" },
                path: { value: "/tessera.v1.ClusterService/GetStatus" },
                requestType: { value: "GetClusterStatusRequest" },
                responseType: { value: "ClusterStatus" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return ClusterService;
        })();

        v1.GetClusterStatusRequest = (function() {

            const GetClusterStatusRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GetClusterStatusRequest.create = function(properties) {
                return new GetClusterStatusRequest(properties);
            };

            GetClusterStatusRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GetClusterStatusRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GetClusterStatusRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GetClusterStatusRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GetClusterStatusRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GetClusterStatusRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.GetClusterStatusRequest();
            };

            GetClusterStatusRequest.toObject = function () {
                return {};
            };

            GetClusterStatusRequest.prototype.toJSON = function() {
                return GetClusterStatusRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetClusterStatusRequest;
        })();

        v1.ClusterStatus = (function() {

            const ClusterStatus = function (p) {
                this.followers = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ClusterStatus.prototype.self = "";
            ClusterStatus.prototype.role = "";
            ClusterStatus.prototype.leader = "";
            ClusterStatus.prototype.followers = $util.emptyArray;
            ClusterStatus.prototype.store = "";

            ClusterStatus.create = function(properties) {
                return new ClusterStatus(properties);
            };

            ClusterStatus.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.self != null && $Object.hasOwnProperty.call(m, "self") && m.self !== "")
                    w.uint32(10).string(m.self);
                if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== "")
                    w.uint32(18).string(m.role);
                if (m.leader != null && $Object.hasOwnProperty.call(m, "leader") && m.leader !== "")
                    w.uint32(26).string(m.leader);
                if (m.followers != null && m.followers.length) {
                    for (var i = 0; i < m.followers.length; ++i)
                        w.uint32(34).string(m.followers[i]);
                }
                if (m.store != null && $Object.hasOwnProperty.call(m, "store") && m.store !== "")
                    w.uint32(42).string(m.store);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ClusterStatus.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ClusterStatus();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.self = v;
                            else
                                delete m.self;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.role = v;
                            else
                                delete m.role;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.leader = v;
                            else
                                delete m.leader;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.followers && m.followers.length))
                                m.followers = [];
                            m.followers.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.store = v;
                            else
                                delete m.store;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ClusterStatus.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ClusterStatus)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ClusterStatus: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ClusterStatus();
                if (d.self != null) {
                    if (typeof d.self !== "string" || d.self.length) {
                        m.self = $String(d.self);
                    }
                }
                if (d.role != null) {
                    if (typeof d.role !== "string" || d.role.length) {
                        m.role = $String(d.role);
                    }
                }
                if (d.leader != null) {
                    if (typeof d.leader !== "string" || d.leader.length) {
                        m.leader = $String(d.leader);
                    }
                }
                if (d.followers) {
                    if (!$Array.isArray(d.followers))
                        throw $TypeError(".tessera.v1.ClusterStatus.followers: array expected");
                    m.followers = $Array(d.followers.length);
                    for (var i = 0; i < d.followers.length; ++i) {
                        m.followers[i] = $String(d.followers[i]);
                    }
                }
                if (d.store != null) {
                    if (typeof d.store !== "string" || d.store.length) {
                        m.store = $String(d.store);
                    }
                }
                return m;
            };

            ClusterStatus.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.followers = [];
                }
                if (o.defaults) {
                    d.self = "";
                    d.role = "";
                    d.leader = "";
                    d.store = "";
                }
                if (m.self != null && $Object.hasOwnProperty.call(m, "self")) {
                    d.self = m.self;
                }
                if (m.role != null && $Object.hasOwnProperty.call(m, "role")) {
                    d.role = m.role;
                }
                if (m.leader != null && $Object.hasOwnProperty.call(m, "leader")) {
                    d.leader = m.leader;
                }
                if (m.followers && m.followers.length) {
                    d.followers = $Array(m.followers.length);
                    for (var j = 0; j < m.followers.length; ++j) {
                        d.followers[j] = m.followers[j];
                    }
                }
                if (m.store != null && $Object.hasOwnProperty.call(m, "store")) {
                    d.store = m.store;
                }
                return d;
            };

            ClusterStatus.prototype.toJSON = function() {
                return ClusterStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ClusterStatus;
        })();

        v1.AuditService = (function() {

            const AuditService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(AuditService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: AuditService, writable: true, enumerable: false, configurable: true });

            AuditService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(AuditService.prototype.listAudit = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, AuditService.prototype.listAudit, $root.tessera.v1.ListAuditRequest, $root.tessera.v1.ListAuditResponse, request, callback);
            }, {
                name: { value: "ListAudit" },
                path: { value: "/tessera.v1.AuditService/ListAudit" },
                requestType: { value: "ListAuditRequest" },
                responseType: { value: "ListAuditResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return AuditService;
        })();

        v1.ListAuditRequest = (function() {

            const ListAuditRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListAuditRequest.prototype.limit = 0;
            ListAuditRequest.prototype.sinceUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            ListAuditRequest.create = function(properties) {
                return new ListAuditRequest(properties);
            };

            ListAuditRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.limit != null && $Object.hasOwnProperty.call(m, "limit") && m.limit !== 0)
                    w.uint32(8).int32(m.limit);
                if (m.sinceUnixMs != null && $Object.hasOwnProperty.call(m, "sinceUnixMs") && (typeof m.sinceUnixMs === "object" ? m.sinceUnixMs.low || m.sinceUnixMs.high : m.sinceUnixMs !== 0))
                    w.uint32(16).int64(m.sinceUnixMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListAuditRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListAuditRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.limit = v;
                            else
                                delete m.limit;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sinceUnixMs = v;
                            else
                                delete m.sinceUnixMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListAuditRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListAuditRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListAuditRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListAuditRequest();
                if (d.limit != null) {
                    if ($Number(d.limit) !== 0) {
                        m.limit = d.limit | 0;
                    }
                }
                if (d.sinceUnixMs != null) {
                    if (typeof d.sinceUnixMs === "object" ? d.sinceUnixMs.low || d.sinceUnixMs.high : $Number(d.sinceUnixMs) !== 0) {
                        if ($util.Long)
                            m.sinceUnixMs = $util.Long.fromValue(d.sinceUnixMs, false);
                        else if (typeof d.sinceUnixMs === "string")
                            m.sinceUnixMs = $parseInt(d.sinceUnixMs, 10);
                        else if (typeof d.sinceUnixMs === "number")
                            m.sinceUnixMs = d.sinceUnixMs;
                        else if (typeof d.sinceUnixMs === "object")
                            m.sinceUnixMs = new $util.LongBits(d.sinceUnixMs.low >>> 0, d.sinceUnixMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            ListAuditRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.limit = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sinceUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sinceUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.limit != null && $Object.hasOwnProperty.call(m, "limit")) {
                    d.limit = m.limit;
                }
                if (m.sinceUnixMs != null && $Object.hasOwnProperty.call(m, "sinceUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sinceUnixMs = typeof m.sinceUnixMs === "number" ? $BigInt(m.sinceUnixMs) : $util.Long.fromBits(m.sinceUnixMs.low >>> 0, m.sinceUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sinceUnixMs === "number")
                        d.sinceUnixMs = o.longs === $String ? $String(m.sinceUnixMs) : m.sinceUnixMs;
                    else
                        d.sinceUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sinceUnixMs) : o.longs === $Number ? new $util.LongBits(m.sinceUnixMs.low >>> 0, m.sinceUnixMs.high >>> 0).toNumber() : m.sinceUnixMs;
                }
                return d;
            };

            ListAuditRequest.prototype.toJSON = function() {
                return ListAuditRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListAuditRequest;
        })();

        v1.AuditEntry = (function() {

            const AuditEntry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AuditEntry.prototype.atUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            AuditEntry.prototype.who = "";
            AuditEntry.prototype.action = "";
            AuditEntry.prototype.target = "";
            AuditEntry.prototype.detail = "";

            AuditEntry.create = function(properties) {
                return new AuditEntry(properties);
            };

            AuditEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.atUnixMs != null && $Object.hasOwnProperty.call(m, "atUnixMs") && (typeof m.atUnixMs === "object" ? m.atUnixMs.low || m.atUnixMs.high : m.atUnixMs !== 0))
                    w.uint32(8).int64(m.atUnixMs);
                if (m.who != null && $Object.hasOwnProperty.call(m, "who") && m.who !== "")
                    w.uint32(18).string(m.who);
                if (m.action != null && $Object.hasOwnProperty.call(m, "action") && m.action !== "")
                    w.uint32(26).string(m.action);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(34).string(m.target);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(42).string(m.detail);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AuditEntry.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AuditEntry();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.atUnixMs = v;
                            else
                                delete m.atUnixMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.who = v;
                            else
                                delete m.who;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.action = v;
                            else
                                delete m.action;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AuditEntry.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AuditEntry)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AuditEntry: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AuditEntry();
                if (d.atUnixMs != null) {
                    if (typeof d.atUnixMs === "object" ? d.atUnixMs.low || d.atUnixMs.high : $Number(d.atUnixMs) !== 0) {
                        if ($util.Long)
                            m.atUnixMs = $util.Long.fromValue(d.atUnixMs, false);
                        else if (typeof d.atUnixMs === "string")
                            m.atUnixMs = $parseInt(d.atUnixMs, 10);
                        else if (typeof d.atUnixMs === "number")
                            m.atUnixMs = d.atUnixMs;
                        else if (typeof d.atUnixMs === "object")
                            m.atUnixMs = new $util.LongBits(d.atUnixMs.low >>> 0, d.atUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.who != null) {
                    if (typeof d.who !== "string" || d.who.length) {
                        m.who = $String(d.who);
                    }
                }
                if (d.action != null) {
                    if (typeof d.action !== "string" || d.action.length) {
                        m.action = $String(d.action);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                return m;
            };

            AuditEntry.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.atUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.atUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.who = "";
                    d.action = "";
                    d.target = "";
                    d.detail = "";
                }
                if (m.atUnixMs != null && $Object.hasOwnProperty.call(m, "atUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.atUnixMs = typeof m.atUnixMs === "number" ? $BigInt(m.atUnixMs) : $util.Long.fromBits(m.atUnixMs.low >>> 0, m.atUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.atUnixMs === "number")
                        d.atUnixMs = o.longs === $String ? $String(m.atUnixMs) : m.atUnixMs;
                    else
                        d.atUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.atUnixMs) : o.longs === $Number ? new $util.LongBits(m.atUnixMs.low >>> 0, m.atUnixMs.high >>> 0).toNumber() : m.atUnixMs;
                }
                if (m.who != null && $Object.hasOwnProperty.call(m, "who")) {
                    d.who = m.who;
                }
                if (m.action != null && $Object.hasOwnProperty.call(m, "action")) {
                    d.action = m.action;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                return d;
            };

            AuditEntry.prototype.toJSON = function() {
                return AuditEntry.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AuditEntry;
        })();

        v1.ListAuditResponse = (function() {

            const ListAuditResponse = function (p) {
                this.entries = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListAuditResponse.prototype.entries = $util.emptyArray;

            ListAuditResponse.create = function(properties) {
                return new ListAuditResponse(properties);
            };

            ListAuditResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.entries != null && m.entries.length) {
                    for (var i = 0; i < m.entries.length; ++i)
                        $root.tessera.v1.AuditEntry.encode(m.entries[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListAuditResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListAuditResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.entries && m.entries.length))
                                m.entries = [];
                            m.entries.push($root.tessera.v1.AuditEntry.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListAuditResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListAuditResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListAuditResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListAuditResponse();
                if (d.entries) {
                    if (!$Array.isArray(d.entries))
                        throw $TypeError(".tessera.v1.ListAuditResponse.entries: array expected");
                    m.entries = $Array(d.entries.length);
                    for (var i = 0; i < d.entries.length; ++i) {
                        if (!$util.isObject(d.entries[i]))
                            throw $TypeError(".tessera.v1.ListAuditResponse.entries: object expected");
                        m.entries[i] = $root.tessera.v1.AuditEntry.fromObject(d.entries[i], q + 1);
                    }
                }
                return m;
            };

            ListAuditResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.entries = [];
                }
                if (m.entries && m.entries.length) {
                    d.entries = $Array(m.entries.length);
                    for (var j = 0; j < m.entries.length; ++j) {
                        d.entries[j] = $root.tessera.v1.AuditEntry.toObject(m.entries[j], o, q + 1);
                    }
                }
                return d;
            };

            ListAuditResponse.prototype.toJSON = function() {
                return ListAuditResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListAuditResponse;
        })();

        return v1;
    })();

    return tessera;
})();

export {
  $root as default
};
